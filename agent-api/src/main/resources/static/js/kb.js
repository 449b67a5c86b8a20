// The knowledge base page: search published articles (ranked), or list drafts (writers: all; agents: their own).
import { api, el } from './api.js';
import { dateTime } from './ticket-format.js';

const size = 20;
const countLimit = 500; // the API counts this far (KnowledgeBase.COUNT_CAP)
let page = 0;
let asked = 0; // the newest search sent: answers to older ones are dropped

const field = id => document.getElementById(id);
const error = field('kb-error');

function result(article) {
  const li = el('li', null, 'kb-result');
  li.dataset.articleId = article.id;
  const link = el('a', article.title);
  link.href = `/kb/${article.id}`;
  const heading = el('h3');
  heading.append(link);
  li.append(heading);
  const labels = [article.category, ...(article.tags || [])].filter(Boolean).join(' · ');
  li.append(el('p', `${labels ? labels + ' · ' : ''}updated ${dateTime(article.updatedAt)}`, 'note'));
  if (article.snippet) li.append(el('p', article.snippet, 'snippet'));
  return li;
}

async function refresh() {
  const params = new URLSearchParams({ status: field('kb-status').value, page, size });
  const q = field('kb-search').value.trim();
  if (q) params.set('q', q);
  if (field('kb-mine').checked) params.set('mine', 'true');
  const mine = ++asked;
  const answer = await api('GET', `/api/v1/kb/articles?${params}`);
  if (mine !== asked) return;
  error.textContent = '';
  field('kb-results').replaceChildren(...answer.items.map(result));
  const total = answer.totalItems > countLimit ? `more than ${countLimit.toLocaleString()}` : answer.totalItems.toLocaleString();
  field('kb-page-info').textContent = answer.totalItems === 0 ? 'No articles found.'
    : `${total} article${answer.totalItems === 1 ? '' : 's'}, page ${answer.page + 1}`;
  field('kb-previous').disabled = page === 0;
  field('kb-next').disabled = answer.items.length < size || (page + 1) * size >= answer.totalItems;
}

function search() {
  page = 0;
  refresh().catch(e => { error.textContent = e.message; });
}

field('kb-search-form').addEventListener('submit', event => { event.preventDefault(); search(); });
let typing;
field('kb-search').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(search, 250); });
field('kb-status').addEventListener('change', search);
field('kb-mine').addEventListener('change', search);
field('kb-previous').addEventListener('click', () => { page = Math.max(0, page - 1); refresh().catch(e => { error.textContent = e.message; }); });
field('kb-next').addEventListener('click', () => { page += 1; refresh().catch(e => { error.textContent = e.message; }); });
const initial = new URLSearchParams(window.location.search).get('q');
if (initial) field('kb-search').value = initial;
search();
