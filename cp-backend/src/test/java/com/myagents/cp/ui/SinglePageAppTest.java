package com.myagents.cp.ui;

import com.myagents.cp.RunningCpBackend;
import com.myagents.testsupport.SinglePageAppContract;

/** cp-backend serves its packed app as every door does. */
class SinglePageAppTest extends SinglePageAppContract {

    SinglePageAppTest() {
        super(RunningCpBackend.HTTP, "cp");
    }
}
