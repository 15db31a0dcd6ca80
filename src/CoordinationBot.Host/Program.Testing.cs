#pragma warning disable CA1050, IDE0130 // The entry point's class lives in the global namespace, as top-level statements put it there.

/// <summary>Makes the entry point visible to <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
