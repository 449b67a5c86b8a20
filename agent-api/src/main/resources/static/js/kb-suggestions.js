// Suggested knowledge base articles: the pop's top 3 for the call (its queue, the caller's open tickets' subjects,
// categories and tags, and the contact's tags) and the ticket page's top 5 for the ticket (its subject, category and
// tags), where an agent inserts a link to one into the response. Only published articles are suggested.
import { api, el } from './api.js';

const popAnswers = new Map(); // callId -> articles (null while asked)
const latestSection = new Map(); // callId -> the pop's section drawn last

/** The link to an article as the response carries it: its title and the address to open it at. */
export function articleReference(article) {
  return `${article.title}: ${window.location.origin}/kb/${article.id}`;
}

/** One suggestion: its title (opens the article in a new tab, so the pop or ticket stays) and snippet. */
function item(article, action) {
  const li = el('li', null, 'suggestion');
  li.dataset.articleId = article.id;
  const link = el('a', article.title);
  link.href = `/kb/${article.id}`;
  link.target = '_blank';
  link.rel = 'noopener';
  li.append(link);
  if (article.snippet) li.append(el('p', article.snippet, 'muted snippet'));
  if (action) li.append(action(article));
  return li;
}

function suggestionParams(text, queue, tags, categories, limit) {
  const params = new URLSearchParams();
  if (text) params.set('text', text.slice(0, 1000));
  if (queue) params.set('queue', queue);
  for (const tag of (tags || []).slice(0, 30)) params.append('tag', tag);
  for (const category of (categories || []).slice(0, 30)) params.append('category', category);
  params.set('limit', limit);
  return params;
}

/**
 * The pop's section of suggested articles. Asked once per call; until the answer is there the section says so, and
 * when it arrives only this section is filled in, never the whole pop: an agent halfway through an escalation reason
 * or a note keeps what they typed. (The pop may have been drawn again meanwhile: the newest section is filled.)
 */
export function popSuggestions(pop) {
  const section = el('section', null, 'suggested-articles');
  section.setAttribute('aria-label', 'Suggested articles');
  latestSection.set(pop.callId, section);
  if (!popAnswers.has(pop.callId)) {
    popAnswers.set(pop.callId, null);
    const tickets = (pop.context.sections && pop.context.sections.openTickets) || [];
    const tags = [...new Set([...pop.context.contacts.flatMap(contact => contact.tags || []),
      ...tickets.flatMap(ticket => ticket.tags || [])])];
    const categories = [...new Set(tickets.map(ticket => ticket.category).filter(category => category))];
    const text = tickets.map(ticket => ticket.subject).join(' ');
    const answered = articles => {
      popAnswers.set(pop.callId, articles);
      const shown = latestSection.get(pop.callId);
      if (shown) fill(shown, articles);
    };
    api('GET', `/api/v1/kb/suggestions?${suggestionParams(text, pop.queue, tags, categories, 3)}`)
      .then(answered)
      .catch(() => answered([]));
  }
  fill(section, popAnswers.get(pop.callId));
  return section;
}

function fill(section, articles) {
  const heading = el('h4', 'Suggested articles');
  if (articles === null) {
    section.replaceChildren(heading, el('p', 'Looking for articles…', 'muted'));
  } else if (!articles.length) {
    section.replaceChildren(heading, el('p', 'No articles for this call.', 'muted'));
  } else {
    const list = el('ol', null, 'suggestions');
    list.append(...articles.map(article => item(article)));
    section.replaceChildren(heading, list);
  }
}

/**
 * Fills the ticket page's #suggested-articles section: the top 5 for the ticket's subject, category and tags (asked
 * again when any of them changes), a search of the whole knowledge base, and on each an "Insert link" button that
 * puts the article's title and address into the message box at the cursor.
 */
export function ticketSuggestions(section, messageBox) {
  let asked = null;
  const list = el('ol', null, 'suggestions');
  const status = el('p', '', 'muted');
  status.setAttribute('role', 'status');
  const form = el('form', null, 'inline');
  form.setAttribute('role', 'search');
  const label = el('label', 'Search articles ');
  const input = el('input');
  input.type = 'search';
  input.maxLength = 200;
  input.id = 'kb-ticket-search';
  label.append(input);
  const button = el('button', 'Search');
  button.type = 'submit';
  form.append(label, button);
  section.replaceChildren(el('h3', 'Suggested articles'), form, status, list);

  const insert = article => {
    const action = el('button', 'Insert link', 'secondary insert-link');
    action.type = 'button';
    action.setAttribute('aria-label', `Insert a link to "${article.title}" into the message`);
    action.addEventListener('click', () => {
      const reference = articleReference(article);
      const start = messageBox.selectionStart ?? messageBox.value.length;
      const end = messageBox.selectionEnd ?? start;
      const before = messageBox.value.slice(0, start);
      const spacer = before && !/\s$/.test(before) ? ' ' : '';
      messageBox.value = before + spacer + reference + messageBox.value.slice(end);
      const caret = (before + spacer + reference).length;
      messageBox.focus();
      messageBox.setSelectionRange(caret, caret);
    });
    return action;
  };
  const show = (articles, none) => {
    list.replaceChildren(...articles.map(article => item(article, insert)));
    status.textContent = articles.length ? '' : none;
  };

  form.addEventListener('submit', event => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    api('GET', `/api/v1/kb/articles?${new URLSearchParams({ q, size: 5 })}`)
      .then(page => show(page.items, `No articles found for "${q}".`))
      .catch(e => { status.textContent = e.message; });
  });

  document.addEventListener('ticket-loaded', event => {
    const ticket = event.detail;
    const key = `${ticket.subject}|${ticket.category || ''}|${(ticket.tags || []).join(',')}`;
    if (key === asked) return; // a reload of the same ticket: the suggestions stand
    asked = key;
    section.hidden = false;
    const categories = ticket.category ? [ticket.category] : [];
    api('GET', `/api/v1/kb/suggestions?${suggestionParams(ticket.subject, null, ticket.tags, categories, 5)}`)
      .then(articles => show(articles, 'No articles match this ticket: search for one above.'))
      .catch(e => { status.textContent = e.message; });
  });
}
