// The corpus's tools read exactly, so that the differential tests compare the parser with the schema itself
// (the same default as ToolGen.IntegrationTests, where lenient reading is tested).
[assembly: ToolGen.ToolDefaults(ArgumentReading = ToolGen.ArgumentReading.Exact)]
