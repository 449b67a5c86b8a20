// Calls to /api/v1 from a logged-in page: the session cookie authenticates, the CSRF cookie's token goes along.

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** A page whose session expired (timed out, server restarted) goes to the login form rather than failing on. */
function expiredSessionToLogin(response) {
  if (response.status === 401) {
    window.location.assign('/login?expired');
  }
}

/** Sends a request; resolves with the parsed JSON (or null), rejects with the problem detail's text (and the status). */
export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expiredSessionToLogin(response);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail = data && (data.detail || data.title);
    const error = new Error(detail || `${response.status} ${response.statusText}`);
    error.status = response.status; // callers tell "not (yet) there" from other failures
    throw error;
  }
  return data;
}

/** Posts a form with a file (multipart); resolves with the parsed JSON like {@link api}. */
export async function upload(path, formData) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin', body: formData,
    headers: { 'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken() },
  });
  expiredSessionToLogin(response);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((data && (data.detail || data.title)) || `${response.status} ${response.statusText}`);
  return data;
}

export function text(value) {
  return value === null || value === undefined ? '' : String(value);
}

/** Builds an element with text content only (never HTML from data). */
/**
 * A queue or an agent as events name them, for people: 'b:support' (support on PBX b, with several PBXes) reads
 * 'support (b)', 'b:1001' reads '1001 (b)'; a bare name (the single PBX) as it is. The wallboard names them so too.
 */
export function pbxLabel(name) {
  const colon = (name || '').indexOf(':');
  return colon > 0 ? `${name.slice(colon + 1)} (${name.slice(0, colon)})` : (name || '');
}

export function el(tag, content, className) {
  const element = document.createElement(tag);
  if (content !== undefined && content !== null) element.textContent = String(content);
  if (className) element.className = className;
  return element;
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}
