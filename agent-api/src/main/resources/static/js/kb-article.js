// One article: its body as the server rendered and sanitised it, "this helped", and for its author and the writers
// the views and helpful counts, the versions, edit, publish and withdraw.
import { api, el } from './api.js';
import { dateTime, words } from './ticket-format.js';

const field = id => document.getElementById(id);
const articleId = Number(document.body.dataset.articleId);
const mayPublish = document.body.dataset.mayPublish === 'true';
const path = `/api/v1/kb/articles/${articleId}`;

function render(article) {
  field('article-title').textContent = article.title;
  document.title = `${article.title} · Switchboard`;
  const parts = [words(article.status), article.category, (article.tags || []).join(', '),
    `by ${article.authorName || 'someone no longer here'}`, `updated ${dateTime(article.updatedAt)}`,
    `version ${article.version}`];
  if (article.stats) parts.push(`${article.stats.views} views`, `${article.stats.helpful} found it helpful`);
  field('article-meta').textContent = parts.filter(Boolean).join(' · ');
  // sanitised on the server (commonmark + the OWASP sanitizer): the one place a page takes HTML from the API
  field('article-body').innerHTML = article.html;
  const edit = field('article-edit');
  edit.href = `/kb/${article.id}/edit`;
  edit.hidden = !(mayPublish || (article.status === 'DRAFT' && article.stats));
  field('article-publish').hidden = !mayPublish || article.status === 'PUBLISHED';
  field('article-withdraw').hidden = !mayPublish || article.status !== 'PUBLISHED';
  field('article-helped').hidden = article.status !== 'PUBLISHED';
  if (article.stats) versions();
}

async function versions() {
  const list = await api('GET', `${path}/versions`);
  field('versions-card').hidden = false;
  field('article-versions').tBodies[0].replaceChildren(...list.map(version => {
    const tr = el('tr');
    tr.append(el('td', version.version), el('td', dateTime(version.savedAt)), el('td', version.savedBy || ''),
      el('td', words(version.status)), el('td', version.title));
    return tr;
  }));
}

async function load() {
  try {
    render(await api('GET', path));
  } catch (e) {
    field('article-error').textContent = e.status === 404 ? `No article ${articleId} that you may read.` : e.message;
  }
}

async function act(message, request) {
  field('article-error').textContent = '';
  try {
    const article = await request();
    if (article) render(article);
    field('article-result').textContent = message;
  } catch (e) {
    field('article-error').textContent = e.message;
  }
}

field('article-helped').addEventListener('click', () => act('Thank you: counted.', async () => {
  await api('POST', `${path}/helpful`);
  return null;
}));
field('article-publish').addEventListener('click', () => act('Published.', () => api('PUT', `${path}/status`, { status: 'PUBLISHED' })));
field('article-withdraw').addEventListener('click', () => act('Withdrawn: a draft again.', () => api('PUT', `${path}/status`, { status: 'DRAFT' })));

load().then(() => api('POST', `${path}/views`).catch(() => {}));
