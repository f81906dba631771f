import XCTest
@testable import PermDocsPolicy

/// `CatalogAction.isCanonicalName` compares bytes for ASCII; it must say
/// what `text == canonicalName` says, case and Unicode equivalence included.
final class CanonicalNameTests: XCTestCase {
    private func action(_ service: String, _ name: String) -> CatalogAction {
        CatalogAction(service: service, name: name, accessLevel: .read, description: "")
    }

    func testAgreesWithStringEquality() {
        let actions = [action("ec2", "RunInstances"), action("s3", "GetObject"), action("ec2-instance-connect", "SendSSHPublicKey"),
                       action("a", "\u{212A}ey"), action("a", "Caf\u{E9}")]
        let texts = ["ec2:RunInstances", "ec2:runinstances", "EC2:RunInstances", "ec2:RunInstance", "ec2:RunInstancesX", "ec2RunInstances",
                     "ec2:", ":RunInstances", "", "s3:GetObject", "s3:GetObject ", "ec2-instance-connect:SendSSHPublicKey",
                     "ec2-instance:connect:SendSSHPublicKey", "a:Key", "a:\u{212A}ey", "a:Cafe\u{301}", "a:Caf\u{E9}", "a:Cafe"]
        for a in actions {
            for text in texts {
                XCTAssertEqual(a.isCanonicalName(text), a.canonicalName == text, "\(a.canonicalName) vs \(text.debugDescription)")
            }
        }
        XCTAssertTrue(action("ec2", "RunInstances").isCanonicalName("ec2:RunInstances"))
        XCTAssertFalse(action("ec2", "RunInstances").isCanonicalName("ec2:runInstances"))
        XCTAssertTrue(action("a", "Caf\u{E9}").isCanonicalName("a:Cafe\u{301}"), "canonically equivalent text is the name")
    }
}
