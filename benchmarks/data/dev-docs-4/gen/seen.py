"""Lines of the four sources read through the search tool's read_file (their repositories are over
the snapshot size limit, so no git snapshot could be fetched). Each entry: "src:path" -> (commit
of the stored version read, lines copied as they appear in it)."""

SEEN: dict[str, tuple[str, str]] = {
    "salt:doc/ref/cli/salt-key.rst": ("11bf6dd734d3021f00853863b64110d584625461", """
Salt-key executes simple management of Salt server public keys used for
authentication.
.. option:: -y, --yes
.. option:: -l ARG, --list=ARG
    List the public keys. The args ``pre``, ``un``, and ``unaccepted`` will
.. option:: -L, --list-all
.. option:: -a ACCEPT, --accept=ACCEPT
    Accept the specified public key (use --include-all to match rejected keys
.. option:: -A, --accept-all
    Accepts all pending keys.
.. option:: -r REJECT, --reject=REJECT
.. option:: -R, --reject-all
.. option:: --include-all
.. option:: -p PRINT, --print=PRINT
.. option:: -P, --print-all
.. option:: -d DELETE, --delete=DELETE
    Delete the specified key. Globs are supported.
.. option:: -D, --delete-all
    Delete all keys.
.. option:: -f FINGER, --finger=FINGER
.. option:: -F, --finger-all
.. option:: --gen-keys=GEN_KEYS
.. option:: --gen-keys-dir=GEN_KEYS_DIR
"""),
    "salt:doc/ref/cli/salt.rst": ("0b054bc2885b51c8d12fe32b8819ab58ea29da3e", """
    salt '*' [ options ] sys.doc
    salt -E '.*' [ options ] sys.doc cmd
    salt -G 'os:Arch.*' [ options ] test.ping
    salt -C 'G@os:Arch.* and webserv* or G@kernel:FreeBSD' [ options ] test.ping
Salt allows for commands to be executed across a swath of remote systems in
parallel. This means that remote systems can be both controlled and queried
with ease.
.. option:: --async
.. option:: --subset=SUBSET
.. option:: -b BATCH, --batch-size=BATCH
.. option:: -a EAUTH, --auth=EAUTH
.. option:: -T, --make-token
.. option:: --return=RETURNER
    Chose an alternative returner to call on the minion, if an alternative
    returner is used then the return will not come back to the command line
    but will be sent to the specified return system.
.. option:: -d, --doc, --documentation
"""),
    "systemd:man/coredumpctl.xml": ("018333725f9d8565a47abc54b7a6e301e8492f39", """
<refpurpose>Retrieve and process saved core dumps and metadata</refpurpose>
<term><command>list</command></term>
<term><command>info</command></term>
<term><command>dump</command></term>
<term><command>debug</command></term>
<term><option>--since</option></term>
<term><option>--reverse</option></term>
<term><option>--output=</option><replaceable>FILE</replaceable></term>
<term><option>--debugger=</option><replaceable>DEBUGGER</replaceable></term>
<programlisting># coredumpctl list foo</programlisting>
<programlisting># coredumpctl debug</programlisting>
<programlisting># coredumpctl info 6654</programlisting>
<programlisting># coredumpctl -o bar.coredump dump /usr/bin/bar</programlisting>
"""),
    "systemd:man/systemd-run.xml": ("018333725f9d8565a47abc54b7a6e301e8492f39", """
<refpurpose>Run programs in transient scope units, service units, or path-, socket-, or timer-triggered service units</refpurpose>
<term><option>--scope</option></term>
<term><option>--unit=</option></term>
<term><option>--property=</option></term>
<term><option>--description=</option></term>
<term><option>--slice=</option></term>
<term><option>--remain-after-exit</option></term>
<term><option>--uid=</option></term>
<term><option>--nice=</option></term>
<term><option>--working-directory=</option></term>
<term><option>--pty</option></term>
<term><option>--pipe</option></term>
<term><option>--shell</option></term>
<term><option>--on-active=</option></term>
<term><option>--on-boot=</option></term>
<term><option>--on-calendar=</option></term>
<refentrytitle>machinectl</refentrytitle>
<command>shell</command> command is usually a better alternative for requesting a new, interactive login
"""),
    "pg:doc/src/sgml/ref/dropdb.sgml": ("029aa97f2d90a2ef97b2c0ca917bea7268392eb1", """
<refpurpose>remove a <productname>PostgreSQL</productname> database</refpurpose>
<application>dropdb</application> destroys an existing
<term>-i, --interactive</term>
Issues a verification prompt before doing anything destructive.
<prompt>$ </prompt><userinput>dropdb demo</userinput>
<prompt>$ </prompt><userinput>dropdb -p 5000 -h eden -i -e demo</userinput>
"""),
    "pg:doc/src/sgml/ref/createuser.sgml": ("0064031f99d1bafda9d3d6d88284dc4e058c5293", """
<refpurpose>define a new <productname>PostgreSQL</productname> user account</refpurpose>
Being a superuser also implies the ability to bypass access permission
checks within the database, so superuserdom should not be granted lightly.
<term><option>--adduser</></term>
<term><option>--no-adduser</></term>
<term><option>--createdb</></term>
<term><option>--no-createdb</></term>
<term><option>--pwprompt</></term>
<prompt>$ </prompt><userinput>createuser joe</userinput>
<prompt>$ </prompt><userinput>createuser -p 5000 -h eden -D -A -e joe</userinput>
"""),
    "pg:doc/src/sgml/ref/pg_basebackup.sgml": ("00c5f55061df52ccfd82eae16f054e08818ad0ff", """
<refpurpose>take a base backup of a <productname>PostgreSQL</productname> cluster</refpurpose>
Backups are always taken of the entire
database cluster, it is not possible to back up individual databases or
<term><option>--pgdata=<replaceable class="parameter">directory</replaceable></option></term>
<term><option>--format=<replaceable class="parameter">format</replaceable></option></term>
<term><option>--xlog=<replaceable class="parameter">method</replaceable></option></term>
<term><option>--gzip</option></term>
<term><option>--checkpoint=<replaceable class="parameter">fast|spread</replaceable></option></term>
<term><option>--label=<replaceable class="parameter">label</replaceable></option></term>
<term><option>--progress</option></term>
<term><option>--host=<replaceable class="parameter">host</replaceable></option></term>
<term><option>--username=<replaceable class="parameter">username</replaceable></option></term>
<term><option>--no-password</></term>
"""),
    "jenkins:content/doc/book/managing/cli.adoc": ("06c45fa56045cb203e543f804e31f373beefbe7e", """
java -jar jenkins-cli.jar build JOB [-c] [-f] [-p] [-r N] [-s] [-v] [-w]
% ssh -l kohsuke -p 53801 localhost build build-all-software -f -v
java -jar jenkins-cli.jar console JOB [BUILD] [-f] [-n N]
java -jar jenkins-cli.jar who-am-i
Authentication is preferably with an `-auth` option, which takes a `username:apitoken` argument.
Get your API token from `/me/configure`:
The CLI client can be downloaded directly from a Jenkins controller at the URL
`/jnlpJars/jenkins-cli.jar`, in effect  `https://JENKINS_URL/jnlpJars/jenkins-cli.jar`
java -jar jenkins-cli.jar [-s JENKINS_URL] [global options...] command [command options...] [arguments...]
java -jar jenkins-cli.jar [-s JENKINS_URL] -auth kohsuke:abc1234ffe4a command ...
java -jar jenkins-cli.jar [-s JENKINS_URL] -auth @/home/kohsuke/.jenkins-cli command ...
For security reasons the use of a file to load the authentication credentials is the recommended authentication way.
export JENKINS_USER_ID=kohsuke
export JENKINS_API_TOKEN=abc1234ffe4a
In Jenkins 2.217 and above, the `-webSocket` mode may be used as an alternative to `-http`.
java -jar jenkins-cli.jar [-s JENKINS_URL] -ssh -user kohsuke command ...
% ssh -l kohsuke -p 53801 localhost help
"""),
}
