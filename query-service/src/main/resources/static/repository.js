'use strict';

const page = {
  provider: null,
  repository: null,
  filter: '',
  // 'merged' folds the identities the mailmap or a noreply address say are one person; 'raw' does not
  identities: 'merged',
  after: null,
  totalCommits: 0,
  // the period the reader chose ('' lets the API fit it to the history), and the one the chart shows
  activityBy: '',
  by: null
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Like el(), for SVG elements. */
function svgEl(tag, attributes, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** A period's start (an ISO date, UTC) as a reader says it. */
function periodLabel(start, by) {
  const date = new Date(start + 'T00:00:00Z');
  if (by === 'month') {
    return date.toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  const day = date.toLocaleDateString('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return by === 'week' ? 'week of ' + day : day;
}

function commitsText(count) {
  return countText(count, 'commit');
}

function countText(count, noun, plural) {
  return count.toLocaleString('en') + ' ' + (count === 1 ? noun : plural || noun + 's');
}

/** The repository's commits per period, as a bar chart. */
async function loadActivity() {
  const params = { provider: page.provider, repository: page.repository };
  if (page.activityBy) {
    params.by = page.activityBy;
  }
  const activity = await api('/api/v1/repository/activity', params);
  page.by = activity.by;
  document.getElementById('activity-chart').replaceChildren(activityChart(activity));
  const note = document.getElementById('activity-note');
  const notes = [];
  if (activity.earlier > 0) {
    notes.push(commitsText(activity.earlier) + ' before ' + periodLabel(activity.periods[0].start, activity.by)
      + (activity.earlier === 1 ? ' is' : ' are') + ' not drawn.');
  }
  if (activity.later > 0) {
    notes.push(commitsText(activity.later) + ' dated after today ' + (activity.later === 1 ? 'is' : 'are')
      + ' not drawn.');
  }
  note.textContent = notes.join(' ');
  note.hidden = notes.length === 0;
  document.getElementById('activity').hidden = false;
}

function activityChart(activity) {
  const periods = activity.periods;
  const by = activity.by;
  const width = 640;
  const height = 200;
  const left = 44;
  const right = 8;
  const top = 10;
  const bottom = 26;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const max = Math.max(0, ...periods.map(period => period.commits));
  const step = plotWidth / Math.max(1, periods.length);
  const gap = step >= 6 ? Math.min(4, step * 0.2) : 0;
  const first = periods.length ? periodLabel(periods[0].start, by) : '';
  const last = periods.length ? periodLabel(periods[periods.length - 1].start, by) : '';
  const title = 'Commits per ' + by;
  const description = periods.length
    ? (periods.length === 1 ? first : 'from ' + first + ' to ' + last) + ', at most ' + commitsText(max) + ' in a ' + by
    : 'no commits';
  const chart = svgEl('svg', { id: 'activity-svg', class: 'activity-chart', role: 'img',
      viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'xMinYMid meet', 'aria-label': title + ', ' + description, 'data-by': by,
      'data-max': String(max) },
    svgEl('title', {}, title + ', ' + description));
  const bars = svgEl('g', { class: 'bars' });
  periods.forEach((period, i) => {
    const barHeight = max === 0 ? 0 : period.commits / max * plotHeight;
    bars.append(svgEl('rect', { x: (left + i * step + gap / 2).toFixed(2), y: (top + plotHeight - barHeight).toFixed(2),
        width: Math.max(0.5, step - gap).toFixed(2), height: barHeight.toFixed(2), 'data-start': period.start,
        'data-count': String(period.commits) },
      svgEl('title', {}, periodLabel(period.start, by) + ': ' + commitsText(period.commits))));
  });
  chart.append(bars,
    svgEl('line', { class: 'axis', x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight }),
    svgEl('line', { class: 'axis', x1: left, y1: top, x2: left, y2: top + plotHeight }),
    svgEl('text', { class: 'axis-label axis-max', x: left - 6, y: top + 10, 'text-anchor': 'end' }, max.toLocaleString('en')),
    svgEl('text', { class: 'axis-label axis-zero', x: left - 6, y: top + plotHeight, 'text-anchor': 'end' }, '0'),
    svgEl('text', { class: 'axis-label axis-first', x: left, y: height - 6, 'text-anchor': 'start' }, first),
    svgEl('text', { class: 'axis-label axis-last', x: width - right, y: height - 6, 'text-anchor': 'end' },
      periods.length > 1 ? last : ''));
  return chart;
}

/**
 * Draws each author's commits per period, over the chart's periods, beside their count. Keys
 * go in batches that keep the request line short (the server reads at most 4096 characters).
 */
async function loadAuthorActivity(items) {
  const base = { provider: page.provider, repository: page.repository };
  const by = page.activityBy || page.by;
  if (by) {
    base.by = by;
  }
  const batches = [];
  let batch = [];
  let length = 0;
  // a merged person's activity is the sum of their identities'
  const itemOf = new Map();
  for (const item of items) {
    const keys = item.dataset.keys ? JSON.parse(item.dataset.keys) : [item.dataset.key];
    for (const key of keys) {
      itemOf.set(key, item);
      const cost = encodeURIComponent(key).length + 8;
      if (batch.length && (batch.length >= 100 || length + cost > 2500)) {
        batches.push(batch);
        batch = [];
        length = 0;
      }
      batch.push(key);
      length += cost;
    }
  }
  if (batch.length) {
    batches.push(batch);
  }
  const sums = new Map();
  let shape = null;
  await Promise.all(batches.map(async keys => {
    const params = new URLSearchParams(base);
    keys.forEach(key => params.append('author', key));
    const activity = await getJson('/api/v1/repository/authors/activity?' + params.toString());
    shape = activity;
    for (const author of activity.authors) {
      const item = itemOf.get(author.key);
      if (item) {
        const sum = sums.get(item);
        sums.set(item, sum ? sum.map((count, i) => count + (author.commits[i] || 0)) : author.commits.slice());
      }
    }
  }));
  for (const [item, counts] of sums) {
    const slot = item.querySelector('.author-activity');
    if (slot) {
      slot.replaceChildren(sparkline(item.dataset.name, shape.by, shape.periods, counts, Number(item.dataset.commits)));
    }
  }
}

/** An author's commits per period; a label that also counts those outside the periods drawn. */
function sparkline(name, by, starts, counts, commits) {
  const width = 96;
  const height = 24;
  const max = Math.max(0, ...counts);
  const x = i => counts.length === 1 ? [0, width] : [i * width / (counts.length - 1)];
  const y = count => (height - 2 - (max === 0 ? 0 : count / max * (height - 4))).toFixed(2);
  const points = counts.flatMap((count, i) => x(i).map(at => at.toFixed(2) + ',' + y(count))).join(' ');
  const total = counts.reduce((sum, count) => sum + count, 0);
  const label = 'Activity of ' + name + ': ' + commitsText(total) + (starts.length
    ? ' from ' + periodLabel(starts[0], by) + ' to ' + periodLabel(starts[starts.length - 1], by)
    : '') + ', at most ' + max.toLocaleString('en') + ' in a ' + by
    + (commits > total ? '; ' + commitsText(commits - total) + ' outside this span' : '');
  return svgEl('svg', { class: 'activity', role: 'img', width, height, viewBox: '0 0 ' + width + ' ' + height,
      'aria-label': label, 'data-by': by, 'data-from': starts.length ? starts[0] : null,
      'data-counts': counts.join(',') },
    svgEl('title', {}, label),
    svgEl('line', { class: 'baseline', x1: 0, y1: height - 1, x2: width, y2: height - 1 }),
    svgEl('polyline', { points }));
}

function api(path, params) {
  return getJson(path + '?' + new URLSearchParams(params).toString());
}

async function loadAuthors(reset) {
  const list = document.getElementById('authors');
  if (reset) {
    list.replaceChildren();
    page.after = null;
  }
  const params = { provider: page.provider, repository: page.repository, size: '50', identities: page.identities };
  if (page.after) {
    params.after = page.after;
  }
  if (page.filter) {
    params.filter = page.filter;
  }
  const index = await api('/api/v1/repository/authors', params);
  page.totalCommits = index.totalCommits;
  document.getElementById('repository-summary').textContent = commitsText(index.totalCommits)
    + ' by ' + countText(index.totalAuthors, 'author');
  const items = index.authors.map(authorItem);
  list.append(...items);
  page.after = index.next;
  document.getElementById('authors-more').hidden = !index.next;
  document.getElementById('authors-empty').hidden = list.children.length > 0;
  if (items.length) {
    await loadAuthorActivity(items);
  }
}

function authorItem(author) {
  const name = author.names.length ? author.names.join(', ') : '(no name)';
  const identity = author.login ? '@' + author.login : (author.emails[0] || author.key);
  const commitsId = 'commits-' + Math.random().toString(36).slice(2);
  const toggle = el('button', { type: 'button', class: 'author-toggle', 'aria-expanded': 'false',
      'aria-controls': commitsId },
    el('span', { class: 'author-name' }, name),
    el('span', { class: 'author-identity' }, identity),
    el('span', { class: 'author-activity' }),
    el('span', { class: 'author-count' }, author.commitCount.toLocaleString('en') + (author.commitCount === 1 ? ' commit' : ' commits')),
    el('span', { class: 'author-share' }, (author.share * 100).toFixed(1) + '%'),
    author.coAuthoredCount > 0 ? el('span', { class: 'author-coauthored' },
      '+' + author.coAuthoredCount.toLocaleString('en') + ' co-authored') : null,
    author.keys && author.keys.length > 1 ? el('span', { class: 'author-keys', title: author.keys.join('\n') },
      author.keys.length + ' identities') : null);
  const commits = el('div', { id: commitsId, class: 'commits', hidden: '' });
  const item = el('li', { class: 'author', 'data-key': author.key, 'data-name': name,
    'data-keys': author.keys ? JSON.stringify(author.keys) : null, 'data-commits': String(author.commitCount) },
    toggle, commits);
  let after = null;
  let loaded = false;
  async function more() {
    const params = { provider: page.provider, repository: page.repository, size: '100', identities: page.identities };
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

// what the merged view folds by: the repository's .mailmap as last read, if any
function mailmapText(mailmap) {
  if (!mailmap) {
    return 'No .mailmap of this repository has been read yet (a fetch reads it): people are merged by '
      + 'forges\' noreply addresses only.';
  }
  if (!mailmap.present) {
    return 'This repository has no .mailmap: people are merged by forges\' noreply addresses only.';
  }
  const at = mailmap.sha ? ' at commit ' + mailmap.sha.slice(0, 12) : '';
  return 'Its .mailmap, read' + at + ' on ' + formatDate(mailmap.readAt) + ', gives '
    + countText(mailmap.entries, 'entry', 'entries') + '.'
    + (mailmap.truncated ? ' The file is longer than the fetcher reads: only its first entries are applied.' : '');
}

async function loadMailmap() {
  const note = document.getElementById('mailmap-note');
  const repository = await api('/api/v1/repository', { provider: page.provider, repository: page.repository });
  note.textContent = mailmapText(repository.mailmap);
  note.hidden = page.identities !== 'merged';
}

document.addEventListener('DOMContentLoaded', async () => {
  const params = new URLSearchParams(location.search);
  page.provider = params.get('provider') || 'github';
  page.repository = params.get('repository') || '';
  page.identities = params.get('identities') === 'raw' ? 'raw' : 'merged';
  const identities = document.getElementById('identities');
  identities.value = page.identities;
  identities.addEventListener('change', () => {
    page.identities = identities.value;
    document.getElementById('mailmap-note').hidden = page.identities !== 'merged'
      || !document.getElementById('mailmap-note').textContent;
    const url = new URL(location.href);
    url.searchParams.set('identities', page.identities);
    history.replaceState(null, '', url);
    loadAuthors(true).catch(showError);
  });
  document.getElementById('repository-title').textContent = page.repository + ' (' + page.provider + ')';
  document.title = page.repository + ' · commit-collector';
  document.getElementById('filter-form').addEventListener('submit', event => {
    event.preventDefault();
    page.filter = document.getElementById('author-filter').value.trim();
    loadAuthors(true).catch(showError);
  });
  document.getElementById('authors-more').addEventListener('click', () => loadAuthors(false).catch(showError));
  document.getElementById('activity-by').addEventListener('change', async event => {
    page.activityBy = event.target.value;
    try {
      await loadActivity();
      const items = [...document.querySelectorAll('#authors > li')];
      if (items.length) {
        await loadAuthorActivity(items);
      }
    } catch (error) {
      showError(error);
    }
  });
  await Promise.all([loadActivity(), loadAuthors(true), loadMailmap()]).catch(showError);
});

function showError(error) {
  const summary = document.getElementById('repository-summary');
  summary.textContent = error.message;
  summary.className = 'error';
}
