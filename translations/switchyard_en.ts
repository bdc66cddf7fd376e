<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Autostart</name>
    <message>
        <location filename="../ui/desktop/autostart.cpp" line="78"/>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop/autostart.cpp" line="86"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="74"/>
        <location filename="../gateway/config/configeditor.cpp" line="121"/>
        <location filename="../gateway/config/configeditor.cpp" line="137"/>
        <source>The provider “%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="79"/>
        <source>A provider named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="183"/>
        <source>Give the token a name, such as the tool or person that will use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="188"/>
        <source>A token named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="208"/>
        <source>The token “%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="212"/>
        <source>This is the last access token and Switchyard listens on %1, where other machines can reach it. Listen on 127.0.0.1 first, then revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="229"/>
        <source>The server URL must look like wss://colink.example.com/ws (or ws:// on a trusted network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="293"/>
        <source>Nothing was saved: this change needs the system keychain, which is not available (%1). Switchyard never stores keys in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="295"/>
        <source>no keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="305"/>
        <source>Nothing was saved: the keychain refused the key (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="349"/>
        <source>Nothing was saved: the change would make the configuration invalid (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="354"/>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="31"/>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="40"/>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="71"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="73"/>
        <location filename="../ui/mainwindow.cpp" line="76"/>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="74"/>
        <location filename="../ui/mainwindow.cpp" line="77"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="79"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="86"/>
        <source>Trying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="94"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>&lt;b&gt;Serving&lt;/b&gt; at &lt;code&gt;%1&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="158"/>
        <source>&lt;b&gt;Not serving&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="166"/>
        <source>The gateway is paused: clients cannot reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="167"/>
        <source>The gateway is not serving: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>Change the port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>The system keychain is not available (%1). Providers whose key is kept there run without it, and new keys cannot be saved. Switchyard never stores keys in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="178"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="185"/>
        <source>Your configuration file holds %n key(s) in plain text (%1). Move them into the system keychain? They move anyway the next time Switchyard saves the configuration.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="190"/>
        <source>Move to keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="26"/>
        <source>&lt;h2&gt;Models&lt;/h2&gt;What clients can ask for, and who serves it. A request goes to the highest priority first; equal priorities share the load by weight. Double-click a public name, priority or weight to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="34"/>
        <source>Public name / served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="34"/>
        <source>Provider&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="34"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="34"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="35"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="62"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="62"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="66"/>
        <source>Priority and weight belong to the provider “%1” and apply to all of its models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="76"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/modelspage.cpp" line="92"/>
        <source>%n candidate(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="122"/>
        <source>A public model name cannot be empty or contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="162"/>
        <source>“%1” is not a valid value here. Priorities are whole numbers; weights are whole numbers of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodesPage</name>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="43"/>
        <source>&lt;h2&gt;Nodes&lt;/h2&gt;Co-Link lets machines pool their providers: share this machine with a Co-Link server, or let other machines&apos; nodes join this gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="69"/>
        <source>Share this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="71"/>
        <source>Offer this machine&apos;s providers to the Co-Link server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="77"/>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="81"/>
        <source>Client token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="85"/>
        <source>How many of the server&apos;s calls this machine runs at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="86"/>
        <source>Parallel calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="87"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="104"/>
        <location filename="../ui/pages/nodespage.cpp" line="145"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="113"/>
        <source>Enter the Co-Link server URL and your client token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="136"/>
        <source>Nodes connected to this gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="144"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="144"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="144"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="144"/>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="144"/>
        <source>Served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="145"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="145"/>
        <source>Connected since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="156"/>
        <source>Stored in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="157"/>
        <source>client-… (kept in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="194"/>
        <source>Not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="197"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="200"/>
        <source>Connected since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="204"/>
        <source>Disconnected; retrying at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="212"/>
        <source>Calls served: %1 · in flight: %2 · errors: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="214"/>
        <source>Offering: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="216"/>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="225"/>
        <source>Nodes join at %1 with one of the node tokens in the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="228"/>
        <source>No node tokens are configured, so no node can join. Add hub.node_tokens to the configuration to accept nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="237"/>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="237"/>
        <source>Registering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="239"/>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="32"/>
        <source>&lt;h2&gt;Providers&lt;/h2&gt;Model providers and local servers this machine can call. Keys are kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="42"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="42"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="42"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="42"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="42"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="46"/>
        <source>No providers yet. Click &lt;b&gt;Add provider&lt;/b&gt; to connect OpenAI, Anthropic, Gemini, a local Ollama and more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="62"/>
        <source>Add provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="64"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="66"/>
        <location filename="../ui/pages/providerspage.cpp" line="163"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="68"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="97"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="105"/>
        <source>Edit the provider to enter its API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="106"/>
        <source>The keychain is not available, so the key cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="107"/>
        <source>No key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="110"/>
        <location filename="../ui/pages/providerspage.cpp" line="124"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="114"/>
        <source>Key refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="120"/>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/providerspage.cpp" line="123"/>
        <source>OK · %n request(s) served</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="139"/>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="163"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="237"/>
        <source>Delete provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="238"/>
        <source>Delete the provider “%1” and its key in the keychain? Clients asking for its models will be routed to other providers, if any serve them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/main.cpp" line="156"/>
        <source>Switchyard cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="53"/>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="74"/>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="81"/>
        <source>127.0.0.1 serves this machine only. Other addresses need at least one access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="87"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="89"/>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="95"/>
        <source>One origin per line, e.g. https://app.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="97"/>
        <source>Allowed browser origins (CORS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="102"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="103"/>
        <source>How long a provider that failed is left out before it is tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="104"/>
        <source>Pause a failing provider for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="109"/>
        <source>How many providers a request may try before the client gets an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="110"/>
        <source>Attempts per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="112"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="127"/>
        <source>Access tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="129"/>
        <source>With at least one token, every client must send one (Authorization: Bearer …). Only a fingerprint of each token is kept; the token is shown once, when it is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="141"/>
        <source>Generate token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="143"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="156"/>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="160"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="164"/>
        <source>Takes effect when Switchyard next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="169"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="173"/>
        <source>Start Switchyard when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="205"/>
        <source>No tokens: any program on this machine may use the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="227"/>
        <source>Saved. Serving at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="240"/>
        <source>Generate access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="241"/>
        <source>Name (the tool or person that will use it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="257"/>
        <source>Access token “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="259"/>
        <source>Copy this token now. Switchyard keeps only its fingerprint and cannot show it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="270"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="23"/>
        <source>Copy base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="27"/>
        <source>Open Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="28"/>
        <source>Share this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="30"/>
        <source>Pause gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="33"/>
        <source>Quit Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="134"/>
        <source>Not serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="136"/>
        <source>Requests today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="146"/>
        <source>Switchyard: serving at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="149"/>
        <source>Switchyard: serving at %1 and sharing this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="152"/>
        <source>Switchyard: paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="155"/>
        <source>Switchyard: the keychain is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="155"/>
        <source>Switchyard: not serving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
