// The one contact form: the contact card edits a contact with it, the agent desktop's pop creates one with it
// (number filled in). An edit sends the whole contact with the version it was read at; when someone else saved it
// meanwhile the server answers 409 and nothing is overwritten: the form keeps what was typed and says so.
import { api, el, text } from './api.js';

const PHONE_TYPES = ['MOBILE', 'WORK', 'HOME', 'FAX', 'OTHER'];
const VISIBILITIES = [['TEAM', 'My team'], ['PRIVATE', 'Only me (and my supervisors)'], ['COMPANY', 'Everyone']];

function labelled(label, control) {
  const wrapper = el('label', label + ' ');
  wrapper.append(control);
  return wrapper;
}

function input(id, value, attributes = {}) {
  const field = el('input');
  field.id = id;
  field.value = text(value);
  Object.assign(field, attributes);
  return field;
}

function select(id, options, value) {
  const field = el('select');
  field.id = id;
  for (const [optionValue, label] of options) {
    const option = el('option', label);
    option.value = optionValue;
    field.append(option);
  }
  field.value = value;
  return field;
}

function phoneRow(prefix, index, phone, onRemove) {
  const row = el('div', null, 'phone-row inline');
  const type = select(`${prefix}-phone-type-${index}`, PHONE_TYPES.map(t => [t, t.toLowerCase()]), phone.type || 'MOBILE');
  type.className = 'phone-type';
  const number = input(`${prefix}-phone-${index}`, phone.number || phone.raw, { maxLength: 64, type: 'tel' });
  number.className = 'phone-number';
  const remove = el('button', 'Remove', 'secondary');
  remove.type = 'button';
  remove.setAttribute('aria-label', `Remove number ${index + 1}`);
  remove.addEventListener('click', () => { row.remove(); onRemove(); });
  row.append(labelled('Type', type), labelled(`Number ${index + 1}`, number), remove);
  return row;
}

/**
 * A form for a contact.
 * @param options.contact the contact to edit (as GET returns it), or null for a new one
 * @param options.prefill fields of a new contact: { name, phone }
 * @param options.prefix the form's element ids start with it ('contact', 'new-contact')
 * @param options.onSaved called with the contact the server returned
 * @param options.onConflict called when the server refused a stale edit (409); the form keeps the typed values
 */
export function contactForm({ contact = null, prefill = {}, prefix = 'contact', onSaved = () => {}, onConflict = () => {} }) {
  const form = el('form', null, 'contact-form stack');
  form.id = `${prefix}-form`;
  const name = input(`${prefix}-name`, contact ? contact.name : prefill.name, { required: true, maxLength: 300 });
  const company = input(`${prefix}-company`, contact && contact.account ? contact.account.name : '', { maxLength: 300 });
  const email = input(`${prefix}-email`, contact ? contact.email : '', { type: 'email', maxLength: 320 });
  const tags = input(`${prefix}-tags`, contact ? [...contact.tags].sort().join(', ') : '', { maxLength: 3000 });
  const notes = el('textarea');
  notes.id = `${prefix}-notes`;
  notes.maxLength = 4000;
  notes.rows = 3;
  notes.value = contact ? text(contact.notes) : '';
  const visibility = select(`${prefix}-visibility`, VISIBILITIES, contact ? contact.visibility : 'TEAM');

  const phones = el('fieldset', null, 'phones');
  phones.append(el('legend', 'Phone numbers'));
  const phoneList = el('div');
  phones.append(phoneList);
  let count = 0;
  const addPhone = phone => { phoneList.append(phoneRow(prefix, count++, phone, () => {})); };
  const initial = contact ? contact.phones : (prefill.phone ? [{ type: 'OTHER', number: prefill.phone }] : []);
  initial.forEach(addPhone);
  const add = el('button', 'Add a number', 'secondary');
  add.type = 'button';
  add.id = `${prefix}-add-phone`;
  add.addEventListener('click', () => { addPhone({}); phoneList.lastChild.querySelector('input').focus(); });
  phones.append(add);

  const save = el('button', contact ? 'Save changes' : 'Create contact');
  save.type = 'submit';
  save.id = `${prefix}-save`;
  const error = el('p', '', 'error');
  error.id = `${prefix}-error`;
  error.setAttribute('role', 'alert');
  const status = el('p', '', 'note');
  status.id = `${prefix}-status`;
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');

  form.append(labelled('Name', name), labelled('Company', company), labelled('E-mail', email), phones,
    labelled('Tags (comma separated)', tags), labelled('Notes', notes), labelled('Visible to', visibility),
    save, error, status);

  let version = contact ? contact.version : null;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    status.textContent = '';
    const body = {
      name: name.value,
      company: company.value.trim() || null,
      email: email.value.trim() || null,
      tags: tags.value.split(',').map(tag => tag.trim()).filter(Boolean),
      notes: notes.value.trim() || null,
      visibility: visibility.value,
      phones: [...phoneList.querySelectorAll('.phone-row')]
        .map(row => ({ type: row.querySelector('.phone-type').value, number: row.querySelector('.phone-number').value.trim() }))
        .filter(phone => phone.number),
    };
    try {
      const saved = contact
        ? await api('PUT', `/api/v1/contacts/${contact.id}`, { ...body, version })
        : await api('POST', '/api/v1/contacts', body);
      version = saved.version;
      status.textContent = contact ? 'Saved.' : `Contact ${saved.name} created.`;
      onSaved(saved);
    } catch (e) {
      if (e.status === 409) {
        error.textContent = 'Someone else changed this contact after you opened it, so your changes were not saved. '
          + 'Reload it to see their change, then make yours again.';
        onConflict(e);
      } else {
        error.textContent = e.message;
      }
    }
  });
  return form;
}
