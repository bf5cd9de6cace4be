"""Build condensed and reordered variants of the Spanish round-trip set's sources.

Usage: python3 tools/roundtrip/condense.py VARIANT ...   (after build.py spa)
Variants: lead3 (first three paragraphs), cond50 (first paragraph and each
other one with chance 1/2), cond50_spa (cond50, then English-Spanish round
trip), cond30_cat (chance 0.3, Catalan), shuf_eo (paragraphs after the
first shuffled, Esperanto), double (Spanish then Esperanto round trip).
Each is 150 texts, ids rw/NNN, labelled machine_rewrite with the sources of
$RT_OUT/labels_spa.jsonl, mixed into meter-courts as rewrites-courts is:
$RT_OUT/VARIANT/docs.jsonl and labels.jsonl. Seeded: the same files each run.
"""
import os,random,sys
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__)))
EVAL=os.environ.get('REPRINT_EVAL','../shared/eval')
OUT=os.environ.get('RT_OUT','/tmp/rt')
from cleanlib import clean_pa, round_trip, spa_sources, write_variant
from concurrent.futures import ThreadPoolExecutor
lines,pa,labs=spa_sources(EVAL,OUT)
RT={'spa':('eng-spa','spa-eng'),'cat':('eng-cat','cat-eng'),'eo':('en-eo','eo-en'),'gl':('en-gl','gl-en')}
def rt(g,t): return round_trip(*RT[g],t)
def cond(t,keep,rng,shuffle=False):
    ps=[p for p in t.split('\n\n') if p.strip()]
    head,rest=ps[:1],ps[1:]
    if shuffle: rng.shuffle(rest)
    else: rest=[p for p in rest if rng.random()<keep]
    return '\n\n'.join(head+rest)+'\n'
V={'lead3':lambda t,r:'\n\n'.join([p for p in t.split('\n\n') if p.strip()][:3])+'\n',
   'cond50':lambda t,r:cond(t,.5,r),
   'cond50_spa':lambda t,r:rt('spa',cond(t,.5,r)),
   'cond30_cat':lambda t,r:rt('cat',cond(t,.3,r)),
   'shuf_eo':lambda t,r:rt('eo',cond(t,1,r,True)),
   'double':lambda t,r:rt('eo',rt('spa',t)),
}
for name in sys.argv[1:]:
    fn=V[name]
    def one(i):
        L=labs[i]; return fn(clean_pa(pa[L['sources'][0]]),random.Random(1000+i))
    with ThreadPoolExecutor(4) as ex: outs=list(ex.map(one,range(len(labs))))
    write_variant(OUT,name,lines,labs,outs)
    print(name,'words', sum(len(o.split()) for o in outs)//len(outs),flush=True)
