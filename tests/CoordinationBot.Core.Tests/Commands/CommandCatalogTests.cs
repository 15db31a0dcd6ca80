using CoordinationBot.Core.Commands;

namespace CoordinationBot.Core.Tests.Commands;

public sealed class CommandCatalogTests
{
    [Theory]
    [InlineData("trợ giúp")]
    [InlineData("Tro giup")]
    [InlineData("TRỢ GIÚP!")]
    [InlineData("help")]
    [InlineData("hướng dẫn")]
    [InlineData("?")]
    public void Recognize_HelpPhrases_AreTheHelpCommand(string text)
    {
        Assert.Equal(CommandCatalog.Help, CommandCatalog.Default.Recognize(text)?.Command.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("helpdesk")]
    [InlineData("ai chủ trì hội nghị?")]
    public void Recognize_OtherText_IsNoCommand(string? text)
    {
        Assert.Null(CommandCatalog.Default.Recognize(text));
    }

    [Fact]
    public void Recognize_LongestPhraseWins_AndTheRestIsTheArgument()
    {
        var catalog = new CommandCatalog(
        [
            new BotCommand("plans", ["kế hoạch"]),
            new BotCommand("plans-import", ["kế hoạch nhập"]),
        ]);

        var recognized = catalog.Recognize("Kế hoạch nhập số 62/KH-UBND");

        Assert.Equal("plans-import", recognized?.Command.Name);
        Assert.Equal("so 62 kh ubnd", recognized?.Arguments);
    }

    [Theory]
    [InlineData("tro jup", CommandCatalog.Help)]
    [InlineData("trợ gíup?", CommandCatalog.Help)]
    [InlineData("yeu cau bao coa", CommandCatalog.OpenRound)]
    [InlineData("có những kế hoạch nào?", CommandCatalog.ListPlans)]
    public void Recognize_AMistypedCommandOnItsOwn_OrAWholeTextCommand(string text, string expected)
    {
        Assert.Equal(expected, CommandCatalog.Default.Recognize(text)?.Command.Name);
    }

    [Theory]
    [InlineData("có những kế hoạch nào giao Sở Y tế chủ trì?")]
    [InlineData("ai chủ trì tập huấn?")]
    [InlineData("tro giup toi voi ke hoach")]
    public void Recognize_AQuestion_IsNeverTakenForACommandByLikeness(string text)
    {
        Assert.NotEqual(CommandCatalog.ListPlans, CommandCatalog.Default.Recognize(text)?.Command.Name);
        Assert.NotEqual(CommandCatalog.OpenRound, CommandCatalog.Default.Recognize(text)?.Command.Name);
    }
}
