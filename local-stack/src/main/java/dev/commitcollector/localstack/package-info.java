/**
 * The whole system on one machine with only Java: embedded Kafka and PostgreSQL, and the
 * three services as processes.
 */
package dev.commitcollector.localstack;
