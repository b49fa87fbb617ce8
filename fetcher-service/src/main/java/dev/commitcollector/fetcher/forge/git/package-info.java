/**
 * The plain-git adapter: any host that serves git over https, http, git or file. Reads
 * commit objects only, from a shallow fetch of the remote's HEAD into a temporary bare
 * repository.
 */
package dev.commitcollector.fetcher.forge.git;
