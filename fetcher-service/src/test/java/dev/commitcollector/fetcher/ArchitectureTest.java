package dev.commitcollector.fetcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The fetcher's layering: a plain domain, use cases that see forges and the commit log
 * only through their ports, and adapters (forge, kafka, web) at the edge. The use cases
 * may use Spring's stereotypes and Reactor.
 */
@AnalyzeClasses(packages = "dev.commitcollector.fetcher", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainDependsOnNothingButTheJdk = classes().that()
		.resideInAPackage("dev.commitcollector.fetcher.domain..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.commitcollector.fetcher.domain..");

	/**
	 * {@code ..kafka..} and {@code ..web..} also match the Kafka clients and Spring's web
	 * packages.
	 */
	@ArchTest
	static final ArchRule useCasesDoNotKnowTheAdapters = noClasses().that()
		.resideInAPackage("dev.commitcollector.fetcher.application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..forge..", "..kafka..", "..web..");

}
