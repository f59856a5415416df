// The corpus's tools read exactly, so that SchemaAgreementTests compares the parser with the schema itself;
// LenientTools opts back into lenient reading per tool.
[assembly: ToolGen.ToolDefaults(ArgumentReading = ToolGen.ArgumentReading.Exact)]
