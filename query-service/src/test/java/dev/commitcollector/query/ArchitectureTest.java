package dev.commitcollector.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The query-service's layering. It has no application layer: the web adapter reads the
 * read model directly (a query side with one use case), so the rules keep the domain
 * plain and the two adapters apart.
 */
@AnalyzeClasses(packages = "dev.commitcollector.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainDependsOnNothingButTheJdk = classes().that()
		.resideInAPackage("dev.commitcollector.query.domain..")
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "dev.commitcollector.query.domain..");

	@ArchTest
	static final ArchRule persistenceKnowsNothingOfTheWeb = noClasses().that()
		.resideInAPackage("dev.commitcollector.query.persistence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("dev.commitcollector.query.web..", "org.springframework.web..",
				"org.springframework.http..");

}
