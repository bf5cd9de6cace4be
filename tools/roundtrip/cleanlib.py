"""Approximation of the dev set's clean_pa (tools/rewritelib.py, not read) and
unknown-mark handling, reverse-engineered from ../shared/eval/rewrites-courts."""
import re
SIGNOFF = {'end', 'ends', 'mf', 'mfl', 'more'}
HDR = re.compile(r'^\s*(-+|\d\d:\d\d \d\d/\d\d/\d\d: Page .*)?\s*$')
def clean_pa(t):
    t = t.replace('\r', '')
    t = re.sub(r'<(TITLE|H1)>.*?</\1>', '', t, flags=re.S)
    t = re.sub(r'</?[A-Z][A-Z0-9]*(\s[^<>\n]*)?>', '', t)     # HTML-wrapped items
    lines = t.split('\n')
    i = 0
    while i < len(lines) and HDR.match(lines[i]):              # PA banner
        i += 1
    body = '\n'.join(lines[i:])
    paras = []
    for p in re.split(r'<[ \t]*\n', body):
        p = ' '.join(p.replace('\x19', ' ').replace('<', ' ').split())
        if p:
            paras.append(p)
    out = []
    for p in paras:
        if p.startswith('('):
            continue          # editorial note (drops a headline glued to it, as the dev set does)
        if re.match(r'^By [^.]{0,80}(PA News|Press Association|PA)\b', p) and len(p.split()) <= 12:
            continue          # byline
        out.append(p)
    while out and (out[-1].lower().strip('. ') in SIGNOFF or len(out[-1].split()) <= 1):
        out.pop()             # sign-off
    t = '\n\n'.join(out) + '\n'
    t = (t.replace('``', '"').replace("''", '"').replace('`', "'")
          .replace('#', '£').replace('_', '-'))
    return t

# Apertium default output marks unknown words '*', untranslated '@', generation
# errors '#' at the word start. The dev set removes a word-initial run of marks
# (after both passes) and keeps marks that sit inside a word ("90**s", "darse#").
MARK = re.compile(r'(?<![\w*#@])[*#@]+(?=\w)')
def strip_marks(t):
    return MARK.sub('', t)
