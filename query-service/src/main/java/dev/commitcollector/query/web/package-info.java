/**
 * The query API: authors of a stored repository with their commits. Errors are RFC 9457
 * problem details.
 */
package dev.commitcollector.query.web;
