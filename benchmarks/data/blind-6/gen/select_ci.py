import json,re,random,collections
f=json.load(open('/tmp/b6_f.json'))
risky=re.compile(r'sudo|rm -r|rm -f|curl|wget|chmod|chown|docker|git push|git tag|apt-get|apt |pip install|systemctl|\btee\b|kubectl|gpg|\| *(ba)?sh|npm publish|cargo publish|ssh|/etc/|mount|dd |iptables|useradd|ln -s|mv |cp |export |eval|base64|openssl|tar |unzip|git config|go install|brew|dnf|yum|apk add|make install|twine|aws |gh ')
random.seed(6)
by=collections.defaultdict(list)
for x in f:
    if len(x['cmd'])>320: continue
    if x['cmd'].count('\n')>8: continue
    by[x['repo']].append(x)
sel=[]
for r,xs in by.items():
    random.shuffle(xs)
    rk=[x for x in xs if risky.search(x['cmd'])]
    pl=[x for x in xs if not risky.search(x['cmd'])]
    pick=rk[:6]+pl[:2]
    if len(pick)<8: pick+= (rk[6:]+pl[2:])[:8-len(pick)]
    sel+=pick
print(len(sel))
json.dump(sel,open('/tmp/b6_sel.json','w'))
