import json,re,sys
s=json.load(open('snapshot.json'))
k=sys.argv[1]; rx=re.compile(sys.argv[2])
for c in s[k]['commands']:
    if rx.search(c['command']): print(c['path'].split('/')[-1], c['line'], '|', c['command'][:220])
for f in s[k].get('fragments',[]):
    if len(sys.argv)>3 and rx.search(f['text']): print('F', f['path'].split('/')[-1], f['line'], '|', f['text'][:200])
