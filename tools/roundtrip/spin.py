"""WordNet spinner sets: the Spanish set's sources with a share of their words replaced.

Usage: python3 tools/roundtrip/spin.py SHARE ...   (after build.py spa; e.g. 0.3 0.5 0.7)
A SHARE written mNN (m0.3) lets the spinner put WordNet's multi-word lemmas
("court of law") for a word too, and writes spinmNN.
Needs: apt-get install wordnet-base (the WordNet 3.0 database in /usr/share/wordnet).
Each lower-case word that is not a stop word is, with chance SHARE, replaced
by another one-word lemma of its first synset (the first part of speech
that has it: noun, verb, adjective, adverb). Capitalised words (names,
sentence starts) are kept. Writes $RT_OUT/spinNN/docs.jsonl (meter-courts
plus 150 spun texts rw/NNN) and labels.jsonl (machine_rewrite, the sources
of labels_spa.jsonl). Seeded per text: the same files each run.
"""
import os,random,re,sys
WN=os.environ.get('WORDNET','/usr/share/wordnet')
sys.path.insert(0,os.path.dirname(os.path.abspath(__file__)))
from cleanlib import clean_pa, spa_sources, write_variant
STOP=set("a an the of to in on at by for with and or but is are was were be been being has have had do does did he she it they we you i his her its their our your this that these those as from not no said says mr mrs ms who which what when where there here than then so if into out up down over after before about also more most".split())
idx={}
for pos in ('noun','verb','adj','adv'):
    for l in open(f'{WN}/index.{pos}',encoding='latin-1'):
        if l.startswith(' '): continue
        f=l.split(); lemma=f[0]; n=int(f[2]); pc=int(f[3]); offs=f[4+pc+2:]
        if lemma not in idx: idx[lemma]=(pos,offs[0])
data={}
def syns(word):
    if word not in idx: return []
    pos,off=idx[word]
    fh=data.get(pos) or open(f'{WN}/data.{pos}',encoding='latin-1'); data[pos]=fh
    fh.seek(int(off)); f=fh.readline().split()
    wc=int(f[3],16); ws=[f[4+2*i].lower() for i in range(wc)]
    return [w for w in ws if w!=word and re.fullmatch(r'[a-z_]+' if multi else r'[a-z]+',w)]
def spin(t,p,rng):
    def rep(m):
        w=m.group(0); lw=w.lower()
        if lw in STOP or w[0].isupper() or rng.random()>=p: return w
        s=syns(lw)
        return rng.choice(s).replace('_',' ') if s else w
    return re.sub(r'[A-Za-z]+',rep,t)
EVAL=os.environ.get('REPRINT_EVAL','../shared/eval'); OUT=os.environ.get('RT_OUT','/tmp/rt')
lines,pa,labs=spa_sources(EVAL,OUT)
multi=False
for arg in sys.argv[1:]:
    multi=arg.startswith('m'); p=float(arg.lstrip('m'))
    name=f'spin{"m" if multi else ""}{int(p*100)}'
    write_variant(OUT,name,lines,labs,[spin(clean_pa(pa[L['sources'][0]]),p,random.Random(i)) for i,L in enumerate(labs)])
    print(name)
