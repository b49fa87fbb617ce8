'use strict';

const page = {
  provider: null,
  repository: null,
  filter: '',
  after: null,
  totalCommits: 0
};

function api(path, params) {
  return getJson(path + '?' + new URLSearchParams(params).toString());
}

async function loadAuthors(reset) {
  const list = document.getElementById('authors');
  if (reset) {
    list.replaceChildren();
    page.after = null;
  }
  const params = { provider: page.provider, repository: page.repository, size: '50' };
  if (page.after) {
    params.after = page.after;
  }
  if (page.filter) {
    params.filter = page.filter;
  }
  const index = await api('/api/v1/repository/authors', params);
  page.totalCommits = index.totalCommits;
  document.getElementById('repository-summary').textContent = index.totalCommits.toLocaleString('en')
    + ' commits by ' + index.totalAuthors.toLocaleString('en') + ' authors';
  for (const author of index.authors) {
    list.append(authorItem(author));
  }
  page.after = index.next;
  document.getElementById('authors-more').hidden = !index.next;
  document.getElementById('authors-empty').hidden = list.children.length > 0;
}

function authorItem(author) {
  const name = author.names.length ? author.names.join(', ') : '(no name)';
  const identity = author.login ? '@' + author.login : (author.emails[0] || author.key);
  const commitsId = 'commits-' + Math.random().toString(36).slice(2);
  const toggle = el('button', { type: 'button', class: 'author-toggle', 'aria-expanded': 'false',
      'aria-controls': commitsId },
    el('span', { class: 'author-name' }, name),
    el('span', { class: 'author-identity' }, identity),
    el('span', { class: 'author-count' }, author.commitCount.toLocaleString('en') + (author.commitCount === 1 ? ' commit' : ' commits')),
    el('span', { class: 'author-share' }, (author.share * 100).toFixed(1) + '%'));
  const commits = el('div', { id: commitsId, class: 'commits', hidden: '' });
  const item = el('li', { class: 'author', 'data-key': author.key }, toggle, commits);
  let after = null;
  let loaded = false;
  async function more() {
    const params = { provider: page.provider, repository: page.repository, size: '100' };
    if (after) {
      params.after = after;
    }
    const list = await api('/api/v1/authors/' + encodeURIComponent(author.key) + '/commits', params);
    let table = commits.querySelector('tbody');
    if (!table) {
      const wrap = el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Commit'), el('th', { scope: 'col' }, 'Authored'),
          el('th', { scope: 'col' }, 'Message'))), el('tbody')));
      commits.prepend(wrap);
      table = commits.querySelector('tbody');
    }
    for (const commit of list.commits) {
      const shortSha = commit.sha.slice(0, 7);
      table.append(el('tr', { class: 'commit' },
        el('td', {}, commit.url ? el('a', { href: commit.url, class: 'sha', title: commit.sha }, shortSha)
          : el('code', { class: 'sha', title: commit.sha }, shortSha)),
        el('td', {}, el('time', { datetime: commit.authoredAt }, formatDate(commit.authoredAt))),
        el('td', { class: 'message' }, commit.messageHeadline || '')));
    }
    after = list.next;
    let button = commits.querySelector('.commits-more');
    if (after && !button) {
      button = el('button', { type: 'button', class: 'commits-more' }, 'Load more commits');
      button.addEventListener('click', more);
      commits.append(button);
    } else if (!after && button) {
      button.remove();
    }
  }
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.setAttribute('aria-expanded', String(!open));
    commits.hidden = open;
    if (!open && !loaded) {
      loaded = true;
      await more();
    }
  });
  return item;
}

document.addEventListener('DOMContentLoaded', async () => {
  const params = new URLSearchParams(location.search);
  page.provider = params.get('provider') || 'github';
  page.repository = params.get('repository') || '';
  document.getElementById('repository-title').textContent = page.repository + ' (' + page.provider + ')';
  document.title = page.repository + ' · commit-collector';
  document.getElementById('filter-form').addEventListener('submit', event => {
    event.preventDefault();
    page.filter = document.getElementById('author-filter').value.trim();
    loadAuthors(true).catch(showError);
  });
  document.getElementById('authors-more').addEventListener('click', () => loadAuthors(false).catch(showError));
  await loadAuthors(true).catch(showError);
});

function showError(error) {
  const summary = document.getElementById('repository-summary');
  summary.textContent = error.message;
  summary.className = 'error';
}
