package dev.commitcollector.fetcher.forge.git;

import dev.commitcollector.fetcher.forge.contract.ForgeContract;
import dev.commitcollector.fetcher.forge.contract.StubForge;

class GitContractTest extends ForgeContract {

	@Override
	protected StubForge newStub() throws Exception {
		return new GitStub();
	}

}
