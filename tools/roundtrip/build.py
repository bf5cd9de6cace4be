#!/usr/bin/env python3
"""Build round-trip (Apertium) machine-rewrite eval sets in the rewrites-courts format.

Usage: python3 tools/roundtrip/build.py [G ...]   (default: spa cat gl eo hbs)
Needs: apt-get install apertium apertium-eng-spa apertium-eng-cat apertium-en-gl
       apertium-eo-en apertium-hbs-eng
Reads $REPRINT_EVAL (default ../shared/eval); writes $RT_OUT (default /tmp/rt):
docs_G.jsonl, labels_G.jsonl, meta_G.json. Score: reprint eval --docs D --labels L.

Conventions reproduced from $REPRINT_EVAL/rewrites-courts (checked: this
pipeline regenerates all 150 of its rewrites byte-identically from its sources):
  * input = clean_pa(PA text) (banner, editorial note, byline, sign-off removed,
    quotes normalised, '#'->'£', '_'->'-'), see cleanlib.py
  * one `apertium MODE` call per text and direction (batching several texts in
    one call changes the output: tagger/anaphora context leaks across texts)
  * default apertium output (no -u); word-initial '*', '@', '#' marks are removed
    after each pass, marks inside a word ("90**s", "darse#") are kept.
Selection: eligible = PA texts with >= 150 words after cleaning and no other PA
text containing >= 80% of their 5-shingles (as the dev set's meta); then, per
generator, shuffle with its own seed and take greedily texts that share < 50% of
5-shingles (either way) with every text already taken.
near_dup_sources = other PA texts sharing >= 50% of 5-shingles with the source,
either way. Shingles: word 5-grams of re.findall('[a-z0-9]+', raw_text.lower()).
"""
import json, os, random, re, sys, time
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cleanlib import clean_pa, round_trip

EVAL = os.environ.get('REPRINT_EVAL', '../shared/eval')
SRC = os.path.join(EVAL, 'meter-courts/docs.jsonl')
OUT = os.environ.get('RT_OUT', '/tmp/rt')
N = 150
MIN_WORDS = 150
EXCL = 0.8
ND = 0.5
GENS = {  # G: (forward mode, backward mode, seed)
    'spa': ('eng-spa', 'spa-eng', 20250211),
    'cat': ('eng-cat', 'cat-eng', 20250212),
    'gl':  ('en-gl',   'gl-en',   20250213),
    'eo':  ('en-eo',   'eo-en',   20250214),
    'hbs': ('eng-hbs', 'hbs-eng', 20250215),
}
THREADS = 4


def shingles(t):
    w = re.findall(r'[a-z0-9]+', t.lower())
    return {tuple(w[i:i + 5]) for i in range(len(w) - 4)}


def main(gens):
    os.makedirs(OUT, exist_ok=True)
    lines = open(SRC, encoding='utf-8').read().splitlines()
    docs = [json.loads(l) for l in lines]
    pa = {d['id']: d['text'] for d in docs if d['id'].startswith('pa/')}
    ids = sorted(pa)
    clean = {k: clean_pa(v) for k, v in pa.items()}
    sh = {k: shingles(v) for k, v in pa.items()}
    # containment C[a][b] = |S_a & S_b| / |S_a|, via inverted index
    inv = {}
    for k in ids:
        for s in sh[k]:
            inv.setdefault(s, []).append(k)
    C = {k: {} for k in ids}
    for k in ids:
        cnt = {}
        for s in sh[k]:
            for o in inv[s]:
                if o != k:
                    cnt[o] = cnt.get(o, 0) + 1
        C[k] = {o: c / len(sh[k]) for o, c in cnt.items()}
    def both(a, b):
        return max(C[a].get(b, 0.0), C[b].get(a, 0.0))
    near = {k: sorted(o for o in ids if o != k and both(k, o) >= ND) for k in ids}
    eligible = [k for k in ids if len(clean[k].split()) >= MIN_WORDS
                and not any(v >= EXCL for v in C[k].values())]
    print(f'PA {len(ids)}, eligible {len(eligible)}', flush=True)
    dev = {json.loads(l)['sources'][0] for l in
           open(os.path.join(EVAL, 'rewrites-courts/labels.jsonl'))}

    for g in gens:
        fwd, bwd, seed = GENS[g]
        pool = list(eligible)
        random.Random(seed).shuffle(pool)
        picked = []
        for k in pool:
            if all(both(k, p) < ND for p in picked):
                picked.append(k)
                if len(picked) == N:
                    break
        assert len(picked) == N, (g, len(picked))
        t0 = time.time()
        with ThreadPoolExecutor(THREADS) as ex:
            outs = list(ex.map(lambda k: round_trip(fwd, bwd, clean[k]), picked))
        rws = [{'id': f'rw/{i:03d}', 'text': t} for i, t in enumerate(outs, 1)]
        with open(f'{OUT}/docs_{g}.jsonl', 'w', encoding='utf-8') as f:
            for l in lines:
                f.write(l + '\n')
            for r in rws:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
        labels = [{'doc': r['id'], 'label': 'machine_rewrite', 'sources': [k],
                   'generator': f'rt-eng-{g}', 'near_dup_sources': near[k]}
                  for r, k in zip(rws, picked)]
        with open(f'{OUT}/labels_{g}.jsonl', 'w', encoding='utf-8') as f:
            for l in labels:
                f.write(json.dumps(l, ensure_ascii=False) + '\n')
        meta = {'generator': f'Apertium round trip {fwd} -> {bwd} (tools/roundtrip/build.py)',
                'input_cleaning': 'cleanlib.clean_pa (reimplementation of dev clean_pa)',
                'marks': "default output; word-initial '*','@','#' removed after each pass",
                'seed': seed, 'n': N, 'min_words': MIN_WORDS, 'near_dup_exclude': EXCL,
                'near_dup_sources_min': ND, 'near_dup_direction': 'either',
                'max_overlap_between_originals': ND,
                'eligible_pa': len(eligible), 'pa_docs': len(ids),
                'news_docs': len(docs) - len(ids), 'rewrites': N,
                'docs_total': len(docs) + N,
                'overlap_with_rewrites_courts_sources': len(set(picked) & dev),
                'per_rewrite': [{'doc': r['id'], 'words_in': len(clean[k].split()),
                                 'words_out': len(r['text'].split())}
                                for r, k in zip(rws, picked)]}
        json.dump(meta, open(f'{OUT}/meta_{g}.json', 'w'), indent=1, ensure_ascii=False)
        # sanity
        nd = sum(1 for _ in open(f'{OUT}/docs_{g}.jsonl'))
        nl = sum(1 for _ in open(f'{OUT}/labels_{g}.jsonl'))
        marked = sum(1 for r in rws if '*' in r['text'] or '#' in r['text'])
        print(f'== {g}: docs {nd}, labels {nl}, rewrites with * or #: {marked}, '
              f'with near_dup_sources: {sum(bool(l["near_dup_sources"]) for l in labels)}, '
              f'shared sources with rewrites-courts: {meta["overlap_with_rewrites_courts_sources"]}, '
              f'empty: {sum(not r["text"].strip() for r in rws)}, {time.time()-t0:.0f}s')
        for r in rws[:2]:
            print('   ', r['id'], repr(r['text'][:200]))
        sys.stdout.flush()


if __name__ == '__main__':
    main(sys.argv[1:] or list(GENS))
