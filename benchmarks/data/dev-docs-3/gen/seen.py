"""Documented lines of the two sources read through the search tool's read_file / find_string
(no snapshot of them could be fetched: Azure/azure-cli is over the size limit; only the MySQL man
pages were wanted from mysql/mysql-server). Each entry: "src:path" -> (commit, the lines read,
copied as they appear, roff escapes removed for the man pages)."""

SEEN: dict[str, tuple[str, str]] = {
    "azure:src/azure-cli/azure/cli/command_modules/role/_help.py": ("0169150978840c45bced95dce2c8101e61a2d1f2", """
az ad app create --display-name mytestapp
az ad app credential delete --id 00000000-0000-0000-0000-000000000000 --key-id xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
az ad app credential list --id 00000000-0000-0000-0000-000000000000
az ad app credential reset --id 00000000-0000-0000-0000-000000000000 --cert "@~/cert.pem" --append
az ad app credential reset --id 00000000-0000-0000-0000-000000000000
az ad app delete --id 00000000-0000-0000-0000-000000000000
az ad app owner add --id 00000000-0000-0000-0000-000000000000 --owner-object-id xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
az ad app owner list --id 00000000-0000-0000-0000-000000000000
az ad app permission add --id {appId} --api 00000003-0000-0000-c000-000000000000 --api-permissions 1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9=Role
az ad app permission admin-consent --id 00000000-0000-0000-0000-000000000000
az ad app permission list --id e042ec79-34cd-498f-9d9f-1234234
az ad app show --id 00000000-0000-0000-0000-000000000000
az ad group member check --group MyGroupDisplayName --member-id xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
az ad group owner add --group MyGroupDisplayName --owner-object-id xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
az ad group owner list --group MyGroupDisplayName
az ad sp create-for-rbac -n "MyApp"
az ad sp create-for-rbac -n "MyApp" --role Contributor --scopes /subscriptions/{subscriptionId}/resourceGroups/{resourceGroup1} /subscriptions/{subscriptionId}/resourceGroups/{resourceGroup2}
az ad sp credential list --id 00000000-0000-0000-0000-000000000000
az ad sp credential reset --id MyAppURIForCredential
az ad sp delete --id 00000000-0000-0000-0000-000000000000
az ad sp owner list --id 00000000-0000-0000-0000-000000000000
az ad sp show --id api://myapp
az ad user create --display-name myuser --password password --user-principal-name myuser@contoso.com
az ad user get-member-groups --id myuser@contoso.com
az ad user list
az ad user update --id myuser@contoso.com --display-name username2
az ad user delete --id myuser@contoso.com
az ad user show --id myuser@contoso.com
az role assignment create --assignee sp_name --role a_role
az role assignment create --role "Owner" --assignee "Jhon.Doe@Contoso.com"
az role assignment create --assignee 00000000-0000-0000-0000-000000000000 --role "Storage Account Key Operator Service Role" --scope $id
az role assignment delete --assignee 00000000-0000-0000-0000-000000000000 --role "Storage Account Key Operator Service Role"
short-summary: List role assignments.
long-summary: By default, only assignments scoped to subscription will be displayed. To view assignments scoped by resource or group, use `--all`.
az role definition create --role-definition @ad-role.json
az role definition delete --name MyRole
short-summary: List role definitions.
"""),
    "azure:src/azure-cli/azure/cli/command_modules/keyvault/_help.py": ("0018057bf80aae69e91c0fb5f2e962f80e0434f7", """
az keyvault certificate create --vault-name vaultname -n cert1 \\\\
az keyvault certificate download --vault-name vault -n cert-name -f cert.pem && \\\\
secrets=$(az keyvault secret list-versions --vault-name vaultname \\\\
az vm create -g group-name -n vm-name --admin-username deploy  \\\\
az keyvault create --location westus2 --name MyKeyVault --resource-group MyResourceGroup --network-acls-ips 3.4.5.0/24 4.5.6.0/24
az keyvault create --location westus2 --name MyKeyVault --resource-group MyResourceGroup
az keyvault delete --name MyKeyVault --resource-group MyResourceGroup
helps['keyvault list-deleted']
short-summary: Permanently delete the specified Vault or HSM. Aka Purges the deleted Vault or HSM.
az keyvault key encrypt --name mykey --vault-name myvault --algorithm RSA-OAEP --value "YWJjZGVm" --data-type base64
az keyvault key download --vault-name MyKeyVault -n MyKey -e PEM -f mykey.pem
helps['keyvault key list']
short-summary: Permanently delete the specified key.
short-summary: Recover the deleted key to its latest version.
helps['keyvault key backup']
"""),
    "mysql:man/mysqladmin.1": ("0851df3b20f282d9a7123efd0f36d397abf34c87", """
flush-status
Clear status variables.
flush-tables
Flush all tables.
kill id,id,...
Kill server threads. If multiple thread ID values are given, there must be no spaces in the list.
password new_password
shell> mysqladmin password "my new password"
Setting a password using mysqladmin should be considered insecure.
ping
Check whether the server is available.
processlist
Show a list of active server threads.
reload
Reload the grant tables.
refresh
Flush all tables and close and open log files.
shutdown
Stop the server.
status
Display a short server status message.
stop-slave
Stop replication on a slave server.
variables
Display the server system variables and their values.
version
shell> mysqladmin proc stat
mysqladmin flush-privileges
--force, -f
Do not ask for confirmation for the drop db_name command.
--login-path=name
Specifying a password on the command line should be considered insecure.
"""),
    "mysql:man/mysqldump.1": ("24c9c2496460e0daea0b7a0df22f9b3274aeb8fd", """
mysqldump db_name > backup-file.sql
mysql db_name < backup-file.sql
mysql -e "source /path-to-backup/backup-file.sql" db_name
mysqldump --opt db_name | mysql --host=remote_host -C db_name
mysqldump --databases db_name1 [db_name2 ...] > my_databases.sql
mysqldump --all-databases > all_databases.sql
mysqldump --all-databases --master-data --single-transaction > all_databases.sql
mysqldump --all-databases --source-data --single-transaction > all_databases.sql
"""),
}
