// The CTI edge connection: fetches a one-use token, opens the WebSocket, dispatches messages by type, and
// reconnects by itself with a growing pause, showing the link state in the page's banner.
import { api } from './api.js';

export function connectCti(handlers) {
  const banner = document.getElementById('link');
  let delay = 500;

  function show(state, message) {
    document.body.dataset.cti = state;
    if (!banner) return;
    banner.hidden = state === 'up';
    banner.textContent = message;
    banner.className = 'link ' + state;
  }

  async function open() {
    let grant;
    try {
      grant = await api('POST', '/api/v1/cti/token');
    } catch (error) {
      show('down', 'Live updates unavailable: ' + error.message + '. Retrying…');
      return retry();
    }
    // The server says where the edge is: its own port on this page's host, or a reverse proxy's URL.
    const socket = new WebSocket(`${grant.url}?token=${encodeURIComponent(grant.token)}`);
    socket.addEventListener('open', () => {
      delay = 500;
      show('up', 'Live');
    });
    socket.addEventListener('message', event => {
      const message = JSON.parse(event.data);
      const handler = handlers[message.type];
      if (handler) handler(message.payload);
    });
    socket.addEventListener('close', event => {
      if (event.code === 4409) {
        // this user has as many desktops open as allowed: try again slowly, in case one closes
        show('down', 'Too many desktops open for this user: close another one. Retrying…');
        delay = 10000;
        return retry();
      }
      const why = event.reason ? ` (${event.reason})` : '';
      show('down', `Connection to the phone system lost${why}. Reconnecting…`);
      retry();
    });
  }

  function retry() {
    setTimeout(open, delay);
    delay = Math.min(delay * 2, 10000);
  }

  show('connecting', 'Connecting…');
  open();
}
