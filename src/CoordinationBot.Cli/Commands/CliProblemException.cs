namespace CoordinationBot.Cli.Commands;

/// <summary>
/// Something the person running a command must do first ("run 'npm ci'"): the command line prints the message alone,
/// on one line, and exits with status 2 — never a stack trace.
/// </summary>
public sealed class CliProblemException : Exception
{
    public CliProblemException()
    {
    }

    public CliProblemException(string message)
        : base(message)
    {
    }

    public CliProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
