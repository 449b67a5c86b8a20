// Call control on the agent desktop: blind transfer to a queue or an extension, consult an extension first and then
// complete or cancel the transfer, hang up. Each button is one request for the agent's own current call
// (/api/v1/agents/me/call/...); the answer or the server's problem text is announced in #control-result.
import { api } from './api.js';

const result = document.getElementById('control-result');
const target = document.getElementById('transfer-target');

async function send(method, path, body, done) {
  result.textContent = 'Sending…';
  result.classList.remove('error');
  try {
    await api(method, `/api/v1/agents/me/call/${path}`, body);
    result.textContent = done;
  } catch (error) {
    result.textContent = error.message;
    result.classList.add('error');
  }
}

function targetBody() {
  const value = target.value.trim();
  return /^[0-9]+$/.test(value) ? { extension: value } : { queue: value };
}

document.getElementById('transfer-form').addEventListener('submit', event => {
  event.preventDefault();
  if (!target.reportValidity()) return;
  send('POST', 'transfer', targetBody(), `Transferred to ${target.value.trim()}.`);
});

document.getElementById('consult').addEventListener('click', () => {
  if (!target.reportValidity()) return;
  const body = targetBody();
  if (!body.extension) {
    result.textContent = 'Consult an agent\u2019s extension (a queue cannot be consulted).';
    result.classList.add('error');
    target.focus();
    return;
  }
  send('POST', 'consultation', body, `Calling ${body.extension}; the caller is on hold.`);
});

document.getElementById('consult-complete').addEventListener('click',
  () => send('POST', 'consultation/complete', undefined, 'Transfer completed.'));
document.getElementById('consult-cancel').addEventListener('click',
  () => send('DELETE', 'consultation', undefined, 'Consultation cancelled: you are back with the caller.'));
document.getElementById('hangup').addEventListener('click',
  () => send('POST', 'hangup', undefined, 'Call hung up.'));
