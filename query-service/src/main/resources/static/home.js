'use strict';

const state = { fetcherUrl: null, after: null };


async function loadRepositories(reset) {
  const body = document.querySelector('#repositories tbody');
  if (reset) {
    body.replaceChildren();
    state.after = null;
  }
  const params = new URLSearchParams({ size: '50' });
  if (state.after) {
    params.set('after', state.after);
  }
  const page = await getJson('/api/v1/repositories?' + params);
  for (const repo of page.repositories) {
    body.append(el('tr', {},
      el('td', {}, repo.provider),
      el('td', {}, el('a', { href: repositoryHref(repo.provider, repo.repository) }, repo.repository)),
      el('td', { class: 'num' }, repo.commitCount.toLocaleString('en')),
      el('td', { class: 'num' }, repo.authorCount.toLocaleString('en')),
      el('td', {}, el('time', { datetime: repo.lastStoredAt }, formatDate(repo.lastStoredAt)))));
  }
  state.after = page.next;
  document.getElementById('repositories-more').hidden = !page.next;
  document.getElementById('repositories-empty').hidden = body.children.length > 0;
  document.getElementById('repositories').hidden = body.children.length === 0;
}

function say(text, kind) {
  const status = document.getElementById('fetch-status');
  status.textContent = text;
  status.className = kind || '';
}

async function startFetch(event) {
  event.preventDefault();
  const form = event.target;
  const request = {
    provider: form.provider.value.trim() || 'github',
    repository: form.repository.value.trim(),
    limit: Number(form.limit.value)
  };
  const button = document.getElementById('fetch-submit');
  button.disabled = true;
  try {
    const { response, json: fetchBody } = await callFetcher('POST', '/api/v1/fetches', request);
    if (!response.ok) {
      say('Not started: ' + (fetchBody.detail || ('HTTP ' + response.status)), 'error');
      return;
    }
    await follow(fetchBody);
  } catch (error) {
    say(error instanceof KeyNeeded ? error.message
      : 'The fetcher at ' + state.fetcherUrl + ' could not be reached: ' + error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

function commitsText(count) {
  return count.toLocaleString('en') + (count === 1 ? ' commit' : ' commits');
}

// a re-fetch of an unchanged repository discovers nothing new (the forge may not even send its
// commits again: 304 Not Modified); one with nothing stored at all has an empty history
async function completedText(fetch) {
  const known = fetch.commitsAlreadyKnown;
  if (fetch.commitsDiscovered > 0) {
    return 'Fetched ' + commitsText(fetch.commitsDiscovered) + ' of ' + fetch.repository + '. '
      + (known > 0 ? '(' + known.toLocaleString('en') + ' more were stored already.) ' : '');
  }
  const stored = known > 0 ? known : await storedCommits(fetch);
  if (stored > 0) {
    return fetch.repository + ' is up to date: no new commits (' + commitsText(stored) + ' stored). ';
  }
  return fetch.repository + ' has no commits: the forge answered with an empty history. ';
}

// how many commits of the fetch's repository are stored; 0 when none (the query API's 404)
async function storedCommits(fetch) {
  const params = new URLSearchParams({ provider: fetch.provider, repository: fetch.repository });
  try {
    return (await getJson('/api/v1/repository?' + params)).commitCount || 0;
  } catch (notStored) {
    return 0;
  }
}

async function follow(started) {
  let current = started;
  while (current.status === 'RUNNING' || current.status === 'QUEUED') {
    say((current.status === 'QUEUED' ? 'Waiting for its turn to fetch ' : 'Fetching ')
      + current.repository + ' from ' + current.provider + ': '
      + current.commitsDiscovered.toLocaleString('en') + ' of up to ' + commitsText(current.limit)
      + (current.waitingUntil ? ' (waiting for the rate limit until ' + formatDate(current.waitingUntil) + ')' : '')
      + '…');
    await new Promise(resolve => setTimeout(resolve, 500));
    current = await getJson(state.fetcherUrl + '/api/v1/fetches/' + encodeURIComponent(current.id));
  }
  if (current.status === 'COMPLETED') {
    const text = await completedText(current);
    say(text, 'ok');
    if (!text.includes(' has no commits: ')) {
      document.getElementById('fetch-status')
        .append(el('a', { href: repositoryHref(current.provider, current.repository) }, 'See its authors'));
    }
    await loadRepositories(true);
  } else {
    say('The fetch failed: ' + current.error, 'error');
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const config = await getJson('/ui/config');
  state.fetcherUrl = config.fetcherUrl;
  document.getElementById('fetch-form').addEventListener('submit', startFetch);
  document.getElementById('repositories-more').addEventListener('click', () => loadRepositories(false));
  await Promise.all([loadRepositories(true), initWatches()]);
});
