/**
 * The fetcher's HTTP API: start a fetch, follow it. Errors are RFC 9457 problem details.
 */
package dev.commitcollector.fetcher.web;
