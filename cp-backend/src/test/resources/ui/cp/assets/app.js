console.log("cp-test-asset");
