/**
 * query-service: the author-grouped read model over the commit store, its JSON API and
 * its web page.
 */
package dev.commitcollector.query;
