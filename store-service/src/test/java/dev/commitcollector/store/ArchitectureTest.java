package dev.commitcollector.store;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The store's layering: a plain domain, a port ({@code Commits}) in the application
 * layer, and the Kafka listener and the PostgreSQL adapter at the edge.
 */
@AnalyzeClasses(packages = "dev.commitcollector.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainDependsOnNothingButTheJdk = classes().that()
		.resideInAPackage("dev.commitcollector.store.domain..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.commitcollector.store.domain..");

	/**
	 * The patterns also match the Kafka clients, Spring's web and R2DBC: the port speaks
	 * only domain and Reactor.
	 */
	@ArchTest
	static final ArchRule applicationDoesNotKnowTheAdapters = noClasses().that()
		.resideInAPackage("dev.commitcollector.store.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..kafka..", "..persistence..", "..web..", "..r2dbc..");

}
