console.log("pp-test-asset");
