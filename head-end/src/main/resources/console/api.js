// The console's one door to the head-end: the HTTP API with the session token as bearer.
// The token lives in sessionStorage (gone with the tab), never in a URL.

const TOKEN = 'adcs.token';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  set: (token) => sessionStorage.setItem(TOKEN, token),
  clear: () => sessionStorage.removeItem(TOKEN),
};

let onUnauthorised = () => {};
export function whenUnauthorised(handler) {
  onUnauthorised = handler;
}

/** Calls the API; resolves with {status, body} for 2xx, throws ApiError with the problem's title and detail otherwise. */
export async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  const token = session.token();
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Head-end unreachable', e.message);
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.status === 401 && !path.endsWith('/auth/login')) {
    session.clear();
    onUnauthorised();
  }
  if (!response.ok) {
    throw new ApiError(response.status, parsed?.title ?? `HTTP ${response.status}`, parsed?.detail ?? '');
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

export const get = (path) => api('GET', path).then((r) => r.body);
