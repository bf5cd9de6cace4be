"""Set wire stories, whole or in part, among unrelated text.

Usage: python3 tools/roundtrip/embed.py FRAC PADX NAME PAD [SEED]
Takes 150 meter-courts wire texts of 250 words or more, keeps a run of
FRAC of each one's sentences (1.0: all of it) and sets it amid PADX times
as many words of other text, half before and half after. PAD is "meter"
(sentences of meter-courts papers on other stories: same genre, and
themselves derived from wire stories) or a JSONL file that `reprint gen`
wrote (its documents in no planted pair, each used once; FILE.truth
beside it, e.g. `reprint gen -n 20000 -o /tmp/rt/gpad.jsonl --truth
/tmp/rt/gpad.jsonl.truth`). Writes $RT_OUT/NAME/docs.jsonl (meter-courts
and the 150, ids pad/NNN) and labels.jsonl (label machine_rewrite, for
eval's recall and wrong-pair share; the source as sources). Seeded.
"""
import json, os, random, re, sys

EVAL = os.environ.get('REPRINT_EVAL', '../shared/eval')
OUT = os.environ.get('RT_OUT', '/tmp/rt')
frac, padx, name, padsrc = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)

docs = [json.loads(l) for l in open(os.path.join(EVAL, 'meter-courts', 'docs.jsonl'))]
story = lambda i: i.split('/')[2]
pa = [d for d in docs if d['id'].startswith('pa/') and len(d['text'].split()) >= 250]
rng.shuffle(pa)
pa = pa[:150]


def sents(t):
    # METER texts end lines with "<"; papers end sentences with punctuation.
    return [s for s in re.split(r'(?<=[.!?<])\s+|\n\s*\n', t) if len(s.split()) > 2]


if padsrc == 'meter':
    pool = [d for d in docs if d['id'].startswith('news/')]
    take = lambda p: next(o for o in iter(lambda: rng.choice(pool), None) if story(o['id']) != story(p['id']))
else:
    planted = set()
    for l in open(padsrc + '.truth'):
        t = json.loads(l)
        planted |= {t['a'], t['b']}
    pool = [d for d in map(json.loads, open(padsrc)) if d['id'] not in planted]
    take = lambda p: pool.pop()

os.makedirs(os.path.join(OUT, name), exist_ok=True)
with open(os.path.join(OUT, name, 'docs.jsonl'), 'w') as D, open(os.path.join(OUT, name, 'labels.jsonl'), 'w') as L:
    for d in docs:
        D.write(json.dumps(d) + '\n')
    for i, p in enumerate(pa):
        ss = sents(p['text'])
        n = max(1, round(len(ss) * frac))
        st = rng.randrange(0, len(ss) - n + 1)
        part = ' '.join(ss[st:st + n])
        want, pad = len(part.split()) * padx, []
        while sum(len(x.split()) for x in pad) < want:
            os_ = sents(take(p)['text'])
            k = rng.randrange(len(os_))
            pad += os_[k:k + 3]
        h = len(pad) // 2
        text = ' '.join(pad[:h]) + '\n\n' + part + '\n\n' + ' '.join(pad[h:])
        D.write(json.dumps({'id': 'pad/%03d' % i, 'text': text}) + '\n')
        L.write(json.dumps({'doc': 'pad/%03d' % i, 'label': 'machine_rewrite', 'sources': [p['id']]}) + '\n')
