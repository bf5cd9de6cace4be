"""Checks that build.py's cleaning and Apertium calls reproduce rewrites-courts byte for byte."""
import json,os,sys,difflib
EVAL=os.environ.get("REPRINT_EVAL","../shared/eval")
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__)))
from cleanlib import clean_pa, round_trip
d={json.loads(l)['id']:json.loads(l)['text'] for l in open(os.path.join(EVAL,'rewrites-courts/docs.jsonl'))}
L=[json.loads(l) for l in open(os.path.join(EVAL,'rewrites-courts/labels.jsonl'))]
srcs=[clean_pa(d[l['sources'][0]]) for l in L]
with ThreadPoolExecutor(4) as ex: out=list(ex.map(lambda s: round_trip('eng-spa','spa-eng',s), srcs))
bad=[]
for l,y in zip(L,out):
    r=d[l['doc']]
    if y!=r:
        bad.append(l['doc'])
        for z in list(difflib.unified_diff(r.split('\n'),y.split('\n'),lineterm='',n=0))[2:5]: print(l['doc'],z[:300])
print(150-len(bad),'match')
