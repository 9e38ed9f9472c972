using System.Runtime.CompilerServices;

namespace Kansa.Tests.Support;

/// <summary>
/// One change-log key file for the whole test run, in a temporary folder: without it every PostgreSQL test
/// database would leave its key under ~/.config/kansa/audit-keys. Tests about the key's default place or about
/// other keys set <c>ChangeLogKeyPath</c> themselves or start programs without this variable.
/// </summary>
internal static class ChangeLogKeyForTests
{
    /// <summary>The environment variable naming the key file (the setting Kansa:ChangeLog:KeyFile).</summary>
    public const string Variable = "Kansa__ChangeLog__KeyFile";

    [ModuleInitializer]
    internal static void UseTemporaryKey()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            return;
        }

        var dir = Path.Combine(Path.GetTempPath(), "kansa-test-key-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        Environment.SetEnvironmentVariable(Variable, Path.Combine(dir, "audit.key"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning; nothing depends on it after the run.
            }
        };
    }
}
