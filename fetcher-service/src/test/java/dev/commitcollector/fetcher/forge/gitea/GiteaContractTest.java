package dev.commitcollector.fetcher.forge.gitea;

import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge;

/** The Gitea and Forgejo adapter against the provider contract. */
class GiteaContractTest extends ForgeContract {

	@Override
	protected StubForge newStub() throws Exception {
		return new GiteaStub();
	}

}
