// The article editor: a new article (a draft, or published at once by a writer) or a new version of one, with the
// version it was read at: a save after someone else's is refused and what was typed stays.
import { api } from './api.js';

const field = id => document.getElementById(id);
const articleId = document.body.dataset.articleId ? Number(document.body.dataset.articleId) : null;
let version = null;

const list = value => value.split(',').map(part => part.trim()).filter(Boolean);

async function load() {
  if (articleId === null) return;
  const article = await api('GET', `/api/v1/kb/articles/${articleId}`);
  version = article.version;
  field('article-title-input').value = article.title;
  field('article-body-input').value = article.body;
  field('article-category').value = article.category || '';
  field('article-tags').value = article.tags.join(', ');
  field('article-queues').value = article.queues.join(', ');
  field('article-ticket-categories').value = article.ticketCategories.join(', ');
}

field('article-form').addEventListener('submit', async event => {
  event.preventDefault();
  field('editor-error').textContent = '';
  const body = {
    title: field('article-title-input').value,
    body: field('article-body-input').value,
    category: field('article-category').value,
    tags: list(field('article-tags').value),
    queues: list(field('article-queues').value),
    ticketCategories: list(field('article-ticket-categories').value),
  };
  try {
    let saved;
    if (articleId === null) {
      const now = field('article-publish-now');
      if (now && now.checked) body.status = 'PUBLISHED';
      saved = await api('POST', '/api/v1/kb/articles', body);
    } else {
      saved = await api('PUT', `/api/v1/kb/articles/${articleId}`, { ...body, version });
    }
    window.location.assign(`/kb/${saved.id}`);
  } catch (e) {
    field('editor-error').textContent = e.status === 409 ? `${e.message} (your text is kept below)` : e.message;
  }
});

load().catch(e => { field('editor-error').textContent = e.message; });
