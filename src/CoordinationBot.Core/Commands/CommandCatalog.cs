using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Commands;

/// <summary>
/// Recognises a typed command by its leading phrase, with or without diacritics ("trợ giúp", "tro giup", "help").
/// The longest matching phrase wins, so commands that share a first word stay apart.
/// </summary>
public sealed class CommandCatalog
{
    public const string Help = "help";
    public const string OpenRound = "report.open";
    public const string ExtendRound = "report.extend";
    public const string CloseRound = "report.close";
    public const string RegisterChannel = "report.channel";
    public const string Consolidate = "report.consolidate";
    public const string ConfirmAgencies = "directory.confirm";
    public const string ResendRound = "report.resend";
    public const string MyCards = "report.mine";
    public const string ListRounds = "report.rounds";
    public const string ListPlans = "plan.list";
    public const string CorrectTask = "plan.correct";
    public const string Evidence = "report.evidence";
    public const string ReportTemplate = "report.template";

    private readonly List<(string Phrase, BotCommand Command)> phrases;

    public CommandCatalog(IEnumerable<BotCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        phrases = commands
            .SelectMany(command => command.Phrases.Select(phrase => (Phrase: Key(phrase), Command: command)))
            .Where(entry => entry.Phrase.Length > 0)
            .OrderByDescending(entry => entry.Phrase.Length)
            .ToList();
        Commands = commands.ToList();
    }

    public IReadOnlyList<BotCommand> Commands { get; }

    public static CommandCatalog Default { get; } = new(
    [
        new BotCommand(Help, ["trợ giúp", "giúp", "hướng dẫn", "help", "menu", "?"]),
        new BotCommand(OpenRound, ["yêu cầu báo cáo", "mở đợt báo cáo", "mở kỳ báo cáo"]),
        new BotCommand(ExtendRound, ["gia hạn báo cáo", "gia hạn đợt báo cáo", "mở lại đợt báo cáo"]),
        new BotCommand(CloseRound, ["đóng đợt báo cáo", "kết thúc đợt báo cáo"]),
        new BotCommand(RegisterChannel, ["đăng ký kênh báo cáo", "dùng kênh này để báo cáo"]),
        new BotCommand(Consolidate, ["tổng hợp", "tổng hợp báo cáo"]),
        new BotCommand(ResendRound, ["gửi lại phiếu báo cáo", "gửi lại phiếu"]),
        new BotCommand(ConfirmAgencies, ["xác nhận cơ quan", "xác nhận đơn vị", "duyệt cơ quan"]),
        new BotCommand(ListPlans, ["có những kế hoạch nào", "danh sách kế hoạch", "các kế hoạch", "những kế hoạch nào", "có kế hoạch nào"], WholeText: true),
        new BotCommand(CorrectTask, ["sửa nhiệm vụ", "sửa cách đọc nhiệm vụ", "điều chỉnh nhiệm vụ", "chỉnh sửa nhiệm vụ"]),
        new BotCommand(ListRounds, ["các đợt báo cáo", "danh sách đợt báo cáo", "danh sách các đợt báo cáo"]),
        new BotCommand(ReportTemplate, ["mẫu báo cáo", "mẫu báo cáo tổng hợp", "dùng mẫu báo cáo"]),
        new BotCommand(Evidence, ["minh chứng", "gửi minh chứng", "tệp minh chứng", "tài liệu kiểm chứng", "văn bản kiểm chứng", "kiểm chứng"]),
        new BotCommand(MyCards, ["phiếu báo cáo", "phiếu báo cáo của tôi", "báo cáo của tôi", "gửi phiếu báo cáo", "lấy phiếu báo cáo"]),
    ]);

    /// <summary>The command the text starts with, and what follows it; null when no command matches.</summary>
    public RecognizedCommand? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Key(text);

        foreach (var (phrase, command) in phrases)
        {
            if (folded == phrase)
            {
                return new RecognizedCommand(command, string.Empty);
            }

            if (!command.WholeText && folded.StartsWith(phrase + " ", StringComparison.Ordinal))
            {
                return new RecognizedCommand(command, folded[(phrase.Length + 1)..]);
            }
        }

        // A mistyped command on its own ("tro jup", "tro giup?"): at most two letters off a phrase of seven or more.
        // Only a whole-text match: a question is never taken for a command that way.
        return phrases
            .Where(p => p.Phrase.Length >= 7 && Math.Abs(p.Phrase.Length - folded.Length) <= 2 && EditDistance(p.Phrase, folded) <= 2)
            .Select(p => new RecognizedCommand(p.Command, string.Empty))
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The folded text, or the trimmed text itself when it is all punctuation (such as "?").</summary>
    private static string Key(string text)
    {
        var folded = VietnameseText.Fold(text);
        return folded.Length > 0 ? folded : text.Trim();
    }
}
