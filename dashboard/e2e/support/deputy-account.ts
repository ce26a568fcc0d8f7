import { baseUrl, DEMO_PASSWORD } from './browser';

interface Answer<T> {
  data?: T;
  errors?: { extensions?: { reason?: string } }[];
}

/** One GraphQL request to the test server, as the dashboard sends it (a bearer token when given). */
export async function post<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

/** What the /activate page does with a link's token: sets the demo password, so `signIn` works as for the demo accounts. */
export async function activateWithDemoPassword(token: string): Promise<void> {
  const activated = await post(
    'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { token } }',
    { input: { token, password: DEMO_PASSWORD } },
  );
  if (!activated.data) throw new Error(`activation failed: ${JSON.stringify(activated.errors)}`);
}

/** Signs in through the API: the token for requests made beside the browser. */
export async function apiSignIn(login: string): Promise<{ token: string; user: { townshipId: string } }> {
  const signedIn = await post<{ login: { token: string; user: { townshipId: string } } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { token user { townshipId } } }',
    { input: { login, password: DEMO_PASSWORD } },
  );
  if (!signedIn.data) throw new Error(`signing in ${login} failed: ${JSON.stringify(signedIn.errors)}`);
  return signedIn.data.login;
}

/**
 * A DEPUTY account for browser tests: the seed data has none (deputies' accounts are opened by their
 * clerk). 群利镇's clerk invites the last serving deputy that has no account yet, under `login`, and the
 * link is activated with the demo password, so `signIn(page, login)` works as for the demo accounts.
 */
export async function openDeputyAccount(login: string): Promise<{ deputyId: string }> {
  const clerk = await apiSignIn('qunli.clerk');
  const listed = await post<{ deputies: { nodes: { id: string }[] } }>(
    'query ($t: ID!) { deputies(first: 200, filter: { townshipId: $t, status: ACTIVE }) { nodes { id } } }',
    { t: clerk.user.townshipId },
    clerk.token,
  );
  for (const { id } of [...listed.data!.deputies.nodes].reverse()) {
    const invited = await post<{ inviteDeputy: { activationPath: string } }>(
      'mutation ($input: InviteDeputyInput!) { inviteDeputy(input: $input) { activationPath } }',
      { input: { deputyId: id, username: login } },
      clerk.token,
    );
    if (!invited.data) continue; // this deputy has an account already (another test's): the next one
    await activateWithDemoPassword(invited.data.inviteDeputy.activationPath.split('/activate/')[1]!);
    return { deputyId: id };
  }
  throw new Error(`no deputy of 群利镇 without an account is left for ${login}`);
}
