'use strict';
// Calls to the fetcher's API from the home page. When the fetcher asks for an API key (401), the
// key field appears; a key typed there is kept for this browser session only (sessionStorage).

const FETCHER_KEY = 'commit-collector.fetcher-key';

/** Thrown when the fetcher answered 401: the key field is now shown. */
class KeyNeeded extends Error {
}

/**
 * Sends {@code method} {@code path} to the fetcher with the session's key, if any; returns the
 * response and its JSON body. A 401 shows the key field and throws KeyNeeded.
 */
async function callFetcher(method, path, body) {
  const typed = document.getElementById('fetch-key').value.trim();
  if (typed) {
    sessionStorage.setItem(FETCHER_KEY, typed);
  }
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const key = sessionStorage.getItem(FETCHER_KEY);
  if (key && method !== 'GET') {
    headers.Authorization = 'Bearer ' + key;
  }
  const response = await fetch(state.fetcherUrl + path,
    { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem(FETCHER_KEY);
    document.getElementById('fetch-key').value = '';
    document.getElementById('fetch-key-field').hidden = false;
    document.getElementById('fetch-key').focus();
    throw new KeyNeeded('The fetcher needs an API key' + (key ? ' (the one given was refused)' : '')
      + ': enter it and try again.');
  }
  return { response, json };
}
