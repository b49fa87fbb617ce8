package dev.commitcollector.fetcher.forge.gitlab;

import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge;

/** The GitLab adapter against the provider contract, its projects in nested groups. */
class GitLabContractTest extends ForgeContract {

	@Override
	protected StubForge newStub() throws Exception {
		return new GitLabStub();
	}

}
