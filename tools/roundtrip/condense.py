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
import json,os,random,sys,subprocess
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__)))
EVAL=os.environ.get('REPRINT_EVAL','../shared/eval')
OUT=os.environ.get('RT_OUT','/tmp/rt')
from cleanlib import clean_pa, strip_marks
from concurrent.futures import ThreadPoolExecutor
lines=open(os.path.join(EVAL,'meter-courts/docs.jsonl')).read().splitlines()
pa={json.loads(l)['id']:json.loads(l)['text'] for l in lines}
labs=[json.loads(l) for l in open(os.path.join(OUT,'labels_spa.jsonl'))]
def ap(m,t): return strip_marks(subprocess.run(['apertium',m],input=t,capture_output=True,text=True).stdout)
RT={'spa':('eng-spa','spa-eng'),'cat':('eng-cat','cat-eng'),'eo':('en-eo','eo-en'),'gl':('en-gl','gl-en')}
def rt(g,t): f,b=RT[g]; return ap(b,ap(f,t))
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
    os.makedirs(os.path.join(OUT,name),exist_ok=True)
    with open(os.path.join(OUT,name,'docs.jsonl'),'w') as f:
        for l in lines: f.write(l+'\n')
        for L,o in zip(labs,outs): f.write(json.dumps({'id':L['doc'],'text':o},ensure_ascii=False)+'\n')
    with open(os.path.join(OUT,name,'labels.jsonl'),'w') as f:
        for L in labs: f.write(json.dumps(L)+'\n')
    print(name,'words', sum(len(o.split()) for o in outs)//len(outs),flush=True)
