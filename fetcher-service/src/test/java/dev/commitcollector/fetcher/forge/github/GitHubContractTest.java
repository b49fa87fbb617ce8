package dev.commitcollector.fetcher.forge.github;

import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge;

/** The GitHub adapter against the provider contract. */
class GitHubContractTest extends ForgeContract {

	@Override
	protected StubForge newStub() throws Exception {
		return new GitHubContractStub();
	}

}
