// The `permdocs` executable: everything it does is in PermDocsCLI, so that the
// commands can be tested in process.
import PermDocsCLI

@main
enum PermDocsMain {
    static func main() async {
        await PermDocsCommand.main()
    }
}
