using CoordinationBot.Core.Consolidation;
using System.Globalization;
using CoordinationBot.Core.Board;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Text;
using CoordinationBot.Graph.Directory;
using CoordinationBot.Host.Features.Consolidation;
using CoordinationBot.Host.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Board;

/// <summary>
/// The "Bảng theo dõi" tab: <c>/tab</c> (personal and channel tab), <c>/tab/config</c> (a channel tab's plan), its
/// assets, and the API it calls with the user's token: <c>/api/board/rounds</c>, <c>/api/board/view</c> (the board as
/// HTML), <c>/api/board/files</c> (the Word and Excel of a round, focal agency only). Every API call is signed in and its
/// rights checked here, per plan.
/// </summary>
public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/tab", (string? plan, TabSignIn signIn) => TabAssets.Page("tab.html", signIn.IsDevelopment, plan));
        app.MapGet("/tab/config", (TabSignIn signIn) => TabAssets.Page("config.html", signIn.IsDevelopment, null));
        app.MapGet("/tab/assets/{name}", (string name) => TabAssets.Asset(name));
        var api = app.MapGroup("/api/board");
        api.MapGet("/rounds", RoundsAsync);
        api.MapGet("/view", ViewAsync);
        api.MapPost("/files", FilesAsync).DisableAntiforgery();
        api.MapGet("/development-users", DevelopmentUsers);
        return app;
    }

    public static async Task<IResult> RoundsAsync(HttpContext http, TabSignIn signIn, BoardQuery board, IOptions<BotLanguageOptions> language)
    {
        var culture = language.Value.CultureFor(null);
        if (await signIn.ViewerAsync(http, http.RequestAborted) is not { } viewer)
        {
            return Problem(StatusCodes.Status401Unauthorized, BotText.Get("Board_SignIn", culture));
        }

        if (viewer.Agency is null && !viewer.Administrator)
        {
            return Problem(StatusCodes.Status403Forbidden, BotText.Get("Board_NoAgency", culture));
        }

        var rounds = await board.ListAsync(viewer, http.RequestAborted);
        return TypedResults.Json(new BoardRounds(
            viewer.Administrator ? BotText.Get("Board_Administrator", culture) : viewer.Agency!,
            BotText.Get("Board_Empty", culture),
            rounds.Select(r => new BoardRoundItem(r.RoundId, r.PlanKey, r.PlanLabel, r.Period, r.Due.ToVietnameseDate(), r.Open, r.Scope.Whole)).ToList()));
    }

    public static async Task<IResult> ViewAsync(HttpContext http, string? round, string? agency, TabSignIn signIn, BoardQuery board, IOptions<BotLanguageOptions> language)
    {
        var culture = language.Value.CultureFor(null);
        var answer = await AnswerAsync(http, round, agency, signIn, board, culture);
        return answer.Shown?.Board is { } shown
            ? TypedResults.Content(BoardHtml.Render(shown, culture), "text/html; charset=utf-8")
            : answer.Problem!;
    }

    public static async Task<IResult> FilesAsync(HttpContext http, string? round, TabSignIn signIn, BoardQuery board, ConsolidationFiles documents, FileLinks links, IOptions<BotLanguageOptions> language)
    {
        var culture = language.Value.CultureFor(null);
        var answer = await AnswerAsync(http, round, null, signIn, board, culture);
        if (answer.Shown is not { Board: { } shown, Summary: { } summary })
        {
            return answer.Problem!;
        }

        if (!shown.Round.Scope.Whole)
        {
            return Problem(StatusCodes.Status403Forbidden, BotText.Get("Board_FilesFocalOnly", culture));
        }

        var (word, excel) = await documents.WriteAsync(summary, http.RequestAborted);
        return TypedResults.Json(new BoardFiles(links.Create(word).ToString(), links.Create(excel).ToString()));
    }

    /// <summary>The directory's users for a development sign-in: only without an app id and from loopback.</summary>
    public static IResult DevelopmentUsers(HttpContext http, TabSignIn signIn, IDirectory directory)
    {
        if (!signIn.AllowsDevelopmentSignIn(http))
        {
            return TypedResults.NotFound();
        }

        var users = directory is FileDirectory file ? file.Users.Select(u => new DevelopmentUser(u.AadObjectId, u.Name ?? u.AadObjectId, u.Agency)).ToList() : [];
        return TypedResults.Json(users);
    }

    private static async Task<(BoardAnswer? Shown, IResult? Problem)> AnswerAsync(HttpContext http, string? round, string? agency, TabSignIn signIn, BoardQuery board, CultureInfo culture)
    {
        if (await signIn.ViewerAsync(http, http.RequestAborted) is not { } viewer)
        {
            return (null, Problem(StatusCodes.Status401Unauthorized, BotText.Get("Board_SignIn", culture)));
        }

        if (string.IsNullOrWhiteSpace(round) || round.Length > 200)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, BotText.Get("Board_ChooseRound", culture)));
        }

        var answer = await board.GetAsync(viewer, round, agency is { Length: > 200 } ? agency[..200] : agency, http.RequestAborted);
        return answer.Refusal switch
        {
            null => (answer, null),
            BoardRefusal.NotAllowed => (null, Problem(StatusCodes.Status403Forbidden, string.Format(culture, BotText.Get("Board_NotAllowed", culture), answer.Named))),
            BoardRefusal.UnknownAgency => (null, Problem(StatusCodes.Status404NotFound, string.Format(culture, BotText.Get("Board_UnknownAgency", culture), answer.Named))),
            _ => (null, Problem(StatusCodes.Status404NotFound, string.Format(culture, BotText.Get("Board_UnknownRound", culture), answer.Named))),
        };
    }

    /// <summary>A refusal as the tab shows it: a short Vietnamese message, nothing of the board.</summary>
    private static JsonHttpResult<BoardProblem> Problem(int status, string message) => TypedResults.Json(new BoardProblem(message), statusCode: status);
}

public sealed record BoardRounds(string Viewer, string Empty, IReadOnlyList<BoardRoundItem> Rounds);

public sealed record BoardRoundItem(string RoundId, string PlanKey, string PlanLabel, string Period, string Due, bool Open, bool Whole);

public sealed record BoardFiles(string Word, string Excel);

public sealed record BoardProblem(string Message);

public sealed record DevelopmentUser(string AadObjectId, string Name, string? Agency);
