// Choosing one's own password (required after an admin set it); then on to the user's start page.
import { api } from './api.js';

const form = document.getElementById('password-form');
const error = document.getElementById('password-error');
form.addEventListener('submit', async event => {
  event.preventDefault();
  error.textContent = '';
  const data = new FormData(form);
  if (data.get('newPassword') !== data.get('repeat')) {
    error.textContent = 'The two new passwords differ.';
    return;
  }
  try {
    await api('POST', '/api/v1/me/password', { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') });
    window.location.assign('/');
  } catch (e) {
    error.textContent = e.message;
  }
});
