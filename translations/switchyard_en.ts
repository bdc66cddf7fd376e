<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Autostart</name>
    <message>
        <location filename="../ui/desktop/autostart.cpp" line="93"/>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop/autostart.cpp" line="101"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="78"/>
        <location filename="../gateway/config/configeditor.cpp" line="136"/>
        <location filename="../gateway/config/configeditor.cpp" line="154"/>
        <source>The provider “%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="83"/>
        <source>A provider named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="92"/>
        <source>Nothing was saved: renaming “%1” moves its key in the system keychain, which is not available. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="244"/>
        <source>Switchyard could not listen on %1:%2 again either (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="270"/>
        <source>Give the token a name, such as the tool, person or machine that will use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="275"/>
        <source>A token named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="295"/>
        <location filename="../gateway/config/configeditor.cpp" line="309"/>
        <source>The token “%1” no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="313"/>
        <source>This is the last access token and Switchyard listens on %1, where other machines can reach it. Listen on 127.0.0.1 first, then revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="332"/>
        <source>The server URL must look like wss://colink.example.com/ws (or ws:// on a trusted network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="400"/>
        <source>Nothing was saved: this change needs the system keychain, which is not available. %1 Switchyard never stores keys in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="412"/>
        <source>Nothing was saved: the keychain refused the key (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="456"/>
        <source>Nothing was saved: the change would make the configuration invalid (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/config/configeditor.cpp" line="461"/>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="48"/>
        <source>Select a request to see all of its details here, including the full error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="88"/>
        <source>Filter by model, provider, error, client or endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="89"/>
        <source>Shows the requests that contain every word typed here, ignoring case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="105"/>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="113"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="114"/>
        <source>Success (2xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="115"/>
        <source>Client errors (4xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="116"/>
        <source>Server errors (5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="117"/>
        <source>Cancelled (499)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="136"/>
        <source>Scrolls to the newest request and keeps following new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="177"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="213"/>
        <source>Requests: %Ln</source>
        <translation>
            <numerusform>Requests: %Ln</numerusform>
            <numerusform>Requests: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="215"/>
        <source>No request matches these filters. Requests in the log: %Ln.</source>
        <translation>
            <numerusform>No request matches these filters. Requests in the log: %Ln.</numerusform>
            <numerusform>No request matches these filters. Requests in the log: %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="217"/>
        <source>Showing %L1 of %Ln requests</source>
        <translation>
            <numerusform>Showing %L1 of %Ln request</numerusform>
            <numerusform>Showing %L1 of %Ln requests</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="228"/>
        <source>No requests yet.

Point a client at %1 and each request will appear here as it finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="232"/>
        <source>No requests yet.

Switchyard is not listening at the moment, so no client can reach it. Requests will appear here once it serves again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/logspage.cpp" line="245"/>
        <source>Jump to the latest (%Ln new)</source>
        <translation>
            <numerusform>Jump to the latest (%Ln new)</numerusform>
            <numerusform>Jump to the latest (%Ln new)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Jump to the latest (new: %Ln)</source>
        <translation type="vanished">
            <numerusform>Jump to the latest (new: %Ln)</numerusform>
            <numerusform>Jump to the latest (new: %Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/logspage.cpp" line="245"/>
        <source>Jump to the latest request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="28"/>
        <source>Switchyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="37"/>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="71"/>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="72"/>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="73"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="80"/>
        <source>Trying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="89"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>&lt;b&gt;Serving&lt;/b&gt; at &lt;code&gt;%1&lt;/code&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <source>&lt;b&gt;Not serving&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>The gateway is paused: clients cannot reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>The gateway is not serving: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="163"/>
        <source>Change the port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <source>The system keychain is not available. %1 Until it is, providers whose key is kept there run without it and new keys cannot be saved; Switchyard never stores keys in plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="180"/>
        <source>Your configuration file holds %n key(s) in plain text (%1). Move them into the system keychain? Otherwise they are moved the next time Switchyard saves the configuration.</source>
        <translation>
            <numerusform>Your configuration file holds %n key in plain text (%1). Move it into the system keychain? Otherwise it is moved the next time Switchyard saves the configuration.</numerusform>
            <numerusform>Your configuration file holds %n keys in plain text (%1). Move them into the system keychain? Otherwise they are moved the next time Switchyard saves the configuration.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your configuration file holds %n key(s) in plain text (%1). Move them into the system keychain? They move anyway the next time Switchyard saves the configuration.</source>
        <translation type="vanished">
            <numerusform>Your configuration file holds %n key in plain text (%1). Move it into the system keychain? It moves anyway the next time Switchyard saves the configuration.</numerusform>
            <numerusform>Your configuration file holds %n keys in plain text (%1). Move them into the system keychain? They move anyway the next time Switchyard saves the configuration.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="185"/>
        <source>Move to keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelLister</name>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="111"/>
        <source>Switchyard does not know the provider type “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="114"/>
        <source>This is not a usable address. It should start with https:// (or http:// for a server on your own network) and name a host, like https://api.example.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gateway/providers/modellister.cpp" line="188"/>
        <source>%1 did not answer within %n second(s). Check the address, and that this computer can reach it.</source>
        <translation>
            <numerusform>%1 did not answer within %n second. Check the address, and that this computer can reach it.</numerusform>
            <numerusform>%1 did not answer within %n seconds. Check the address, and that this computer can reach it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="196"/>
        <source>%1 sent more than %2 MB instead of a list of models. Check that the base URL points at the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="220"/>
        <source>%1 answered, but not in JSON (it looks like a web page or plain text). Check that the base URL points at the API and not at a website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="225"/>
        <source>%1 answered, but its answer holds no list of models. Check that the provider type matches this API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="240"/>
        <source>The host %1 could not be found. Check the spelling of the address, and that this computer is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="246"/>
        <source>Nothing answers at %1: the connection was refused. Check the port, and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="252"/>
        <source>A secure connection to %1 could not be set up (%2). Check that the address starts with the right http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="259"/>
        <source>%1 did not accept a connection in time. Check the address, and that this computer can reach it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="265"/>
        <source>%1 closed the connection without answering. Check that the address starts with the right http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="271"/>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="286"/>
        <source>The provider needs an API key (HTTP %1). Enter the key from your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="287"/>
        <source>The provider needs an API key (HTTP %1). It said: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="290"/>
        <source>The provider refused the API key (HTTP %1). Check that you copied all of it and that it is still active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="294"/>
        <source>The provider refused the API key (HTTP %1). It said: “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="299"/>
        <source>There is no list of models at %1. Check the base URL: OpenAI-compatible APIs usually end in /v1. If it is right, this provider may not list its models; then add them by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="308"/>
        <source>The provider is turning requests away for now (HTTP 429). Wait a moment and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="309"/>
        <source>The provider is turning requests away for now (HTTP 429). It said: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="312"/>
        <source>The provider answered with an error (HTTP %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/modellister.cpp" line="313"/>
        <source>The provider answered with an error (HTTP %1): “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelMappingEditor</name>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="28"/>
        <source>Filter models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="34"/>
        <source>Provider&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="34"/>
        <source>Public name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="36"/>
        <source>What the provider calls the model. Tick the models to offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="38"/>
        <source>What clients of Switchyard ask for. Usually the same as the provider&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="47"/>
        <source>Add model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="49"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="122"/>
        <source>The provider did not list this name. It may be an alias that still works; if not, untick it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="159"/>
        <source>A ticked row has no provider&apos;s name. Fill it in, or untick the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="163"/>
        <source>Tick at least one model to offer, or add one with “Add model”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/modelmappingeditor.cpp" line="167"/>
        <source>Clients could not tell two models apart: “%1” is used twice as a public name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="30"/>
        <source>&lt;h2&gt;Models&lt;/h2&gt;What clients can ask for, and who serves it. A request goes to the highest priority first; equal priorities share the load by weight. Double-click a public name, priority or weight to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Public name / served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Provider&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="38"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="39"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="118"/>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="121"/>
        <source>Key refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="123"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="109"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="68"/>
        <source>Priority and weight belong to the provider “%1” and apply to all of its models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="78"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/modelspage.cpp" line="96"/>
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n candidate</numerusform>
            <numerusform>%n candidates</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="155"/>
        <source>A public model name cannot be empty or contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/modelspage.cpp" line="195"/>
        <source>“%1” is not a valid value here. Priorities are whole numbers; weights are whole numbers of 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodesPage</name>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="60"/>
        <source>&lt;h2&gt;Nodes&lt;/h2&gt;Co-Link lets machines pool their providers: share this machine with a Co-Link server, or let other machines&apos; nodes join this gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="88"/>
        <source>Share this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="90"/>
        <source>Offer this machine&apos;s providers to the Co-Link server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="96"/>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="100"/>
        <source>Client token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="104"/>
        <source>How many of the server&apos;s calls this machine runs at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="105"/>
        <source>Parallel calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="106"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="120"/>
        <location filename="../ui/pages/nodespage.cpp" line="161"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="129"/>
        <source>Enter the Co-Link server URL and your client token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="152"/>
        <source>Nodes connected to this gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="160"/>
        <source>Served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="161"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="161"/>
        <source>Connected since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="172"/>
        <source>New node token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="174"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="181"/>
        <source>Node tokens (one per machine or person; revoking one disconnects its nodes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="197"/>
        <source>Stored in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="198"/>
        <source>client-… (kept in the system keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="236"/>
        <source>Not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="239"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="242"/>
        <source>Connected since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="246"/>
        <source>Disconnected; retrying at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="254"/>
        <source>Calls served: %1 · in flight: %2 · errors: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="256"/>
        <source>Offering: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="258"/>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="267"/>
        <source>Nodes join at %1 with one of the node tokens below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="269"/>
        <source>No node can join yet: make a node token below and give it to the machine that will join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="306"/>
        <source>New node token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="307"/>
        <source>Name (the machine or person that will join):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="317"/>
        <source>Node token “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="318"/>
        <source>Put this token in the joining machine&apos;s Co-Link client_token (in Switchyard: Nodes → Client token), with %1 as its server URL. Switchyard keeps only its fingerprint and cannot show it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="278"/>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="278"/>
        <source>Registering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/nodespage.cpp" line="280"/>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../ui/providerdialog.cpp" line="68"/>
        <location filename="../ui/providerdialog.cpp" line="192"/>
        <source>Add provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="79"/>
        <source>Edit provider “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="120"/>
        <source>&amp;Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="124"/>
        <source>How Switchyard names this provider in its lists and logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="126"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="130"/>
        <source>The API this provider speaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="132"/>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="136"/>
        <source>https://api.example.com/v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="138"/>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="146"/>
        <location filename="../ui/providerdialog.cpp" line="216"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="147"/>
        <source>Show or hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="155"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="157"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="160"/>
        <source>Ask the provider which models it serves, with this address and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="186"/>
        <source>&amp;Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="192"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="216"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="244"/>
        <source>OpenAI-compatible API (openai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="246"/>
        <source>Anthropic Messages API (claude)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="248"/>
        <source>Google Gemini API (gemini)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="353"/>
        <source>Leave empty to keep the stored key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="355"/>
        <source>Leave empty to keep reading it from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="357"/>
        <source>Leave empty to keep the key written in the configuration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="359"/>
        <source>Only if the server asks for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="361"/>
        <source>Not needed; leave empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="363"/>
        <source>Paste your API key here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="372"/>
        <source>Get a key at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="374"/>
        <source>No key needed: this server runs on your own computer. Get it at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="376"/>
        <source>Leave the key empty if the server does not ask for one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="387"/>
        <source>Enter the address of the provider&apos;s API, like https://api.example.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="393"/>
        <source>This is not a web address. It should start with https:// (or http:// for a server on your own network) and name a host, like https://api.example.com/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="433"/>
        <source>Connected, but the provider lists no models. Add the ones you need by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/providerdialog.cpp" line="434"/>
        <source>Connected. The provider lists %n model(s); tick the ones to offer.</source>
        <translation>
            <numerusform>Connected. The provider lists %n model; tick it to offer it.</numerusform>
            <numerusform>Connected. The provider lists %n models; tick the ones to offer.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="440"/>
        <source>The connection test failed: see the message under the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="444"/>
        <source>The connection test failed: see the message under the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="460"/>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="482"/>
        <source>Give the provider a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="485"/>
        <source>Another provider is already called “%1”. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/providerdialog.cpp" line="493"/>
        <source>Enter the API key from your %1 account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="18"/>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="21"/>
        <source>Anthropic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="24"/>
        <source>Google Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="28"/>
        <source>DeepSeek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="31"/>
        <source>Qwen (Alibaba Cloud DashScope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="35"/>
        <source>Moonshot AI (Kimi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="38"/>
        <source>Zhipu GLM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="42"/>
        <source>OpenRouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="45"/>
        <source>Ollama (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="49"/>
        <source>LM Studio (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gateway/providers/providerpresets.cpp" line="51"/>
        <source>Custom (OpenAI-compatible)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="31"/>
        <source>&lt;h2&gt;Providers&lt;/h2&gt;Model providers and local servers this machine can call. Keys are kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="41"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="46"/>
        <source>No providers yet. Click &lt;b&gt;Add provider&lt;/b&gt; to connect OpenAI, Anthropic, Gemini, a local Ollama and more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="58"/>
        <source>Add provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="60"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="62"/>
        <location filename="../ui/pages/providerspage.cpp" line="168"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="64"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="93"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="104"/>
        <source>Edit the provider to enter its API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="105"/>
        <source>The keychain is not available, so the key cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="106"/>
        <source>No key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="109"/>
        <location filename="../ui/pages/providerspage.cpp" line="123"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="113"/>
        <source>Key refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="119"/>
        <source>Paused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/providerspage.cpp" line="122"/>
        <source>OK · %n request(s) served</source>
        <translation>
            <numerusform>OK · %n request served</numerusform>
            <numerusform>OK · %n requests served</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="138"/>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="168"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="238"/>
        <source>Delete provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/providerspage.cpp" line="239"/>
        <source>Delete the provider “%1” and its key in the keychain? Clients asking for its models will be routed to other providers, if any serve them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/desktopentry.cpp" line="42"/>
        <source>Switchyard cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestFormat</name>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="47"/>
        <source>Bad request: the client sent something that could not be accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="50"/>
        <source>Not allowed: an access token or a provider key was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="52"/>
        <source>Not found: no provider serves this model, or the address does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="55"/>
        <source>Timed out: the provider did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="57"/>
        <source>Too large: the request is over the size limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="59"/>
        <source>Rate limited: the provider asked to slow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="61"/>
        <source>Cancelled: the client went away before the answer was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="64"/>
        <source>Provider unavailable: it failed or could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="70"/>
        <source>Success.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="72"/>
        <source>Client error: the request was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="74"/>
        <source>Server error: the request failed on the way or at the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="79"/>
        <source>No answer was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="121"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="122"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="134"/>
        <source>%1 → %2</source>
        <comment>prompt tokens → completion tokens</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="140"/>
        <source>Switchyard itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="143"/>
        <source>%1 (Co-Link node)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="151"/>
        <source>Switchyard answered this request itself; no provider was asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="153"/>
        <source>Sent to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="154"/>
        <source>Sent to %1 as the model %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="159"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="160"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="163"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="163"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="167"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="170"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="171"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="173"/>
        <source>Provider or node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="174"/>
        <source>None: Switchyard answered this request itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="175"/>
        <source>Model at the provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="176"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="177"/>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="178"/>
        <source>Time to first byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="179"/>
        <source>Prompt tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="180"/>
        <source>Completion tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="181"/>
        <source>Streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="182"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestformat.cpp" line="183"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="77"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="79"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="81"/>
        <source>Provider or node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="83"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="85"/>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="87"/>
        <source>First byte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="89"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="91"/>
        <source>Stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="151"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="151"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="162"/>
        <source>The request named no model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="169"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="172"/>
        <source>From the request&apos;s arrival to the end of the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="174"/>
        <source>No byte of an answer reached the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="175"/>
        <source>From the request&apos;s arrival to the first byte sent to the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="178"/>
        <source>The provider reported no token counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="179"/>
        <source>Prompt tokens: %1. Completion tokens: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="182"/>
        <source>The answer was streamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/requestlogmodel.cpp" line="182"/>
        <source>The answer was sent whole.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="39"/>
        <source>&lt;h2&gt;Settings&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="69"/>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="76"/>
        <source>127.0.0.1 serves this machine only. Other addresses need at least one access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="82"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="84"/>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="90"/>
        <source>One origin per line, e.g. https://app.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="92"/>
        <source>Allowed browser origins (CORS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="97"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="99"/>
        <source>How long a provider that failed is left out before it is tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="100"/>
        <source>Pause a failing provider for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="106"/>
        <source>How many providers a request may try before the client gets an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="107"/>
        <source>Attempts per request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="109"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="124"/>
        <source>Access tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="126"/>
        <source>With at least one token, every client must send one (Authorization: Bearer …). Only a fingerprint of each token is kept; the token is shown once, when it is made. A token can be limited to some models and client addresses, a number of requests per minute, and a quota per day or month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="136"/>
        <source>Used this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="143"/>
        <source>Generate token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="145"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="147"/>
        <location filename="../ui/pages/settingspage.cpp" line="164"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="163"/>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="171"/>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="175"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="179"/>
        <source>Takes effect when Switchyard next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="184"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="188"/>
        <source>Start Switchyard when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="225"/>
        <source>models: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="227"/>
        <source>clients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="229"/>
        <source>%1/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="230"/>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="230"/>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="232"/>
        <source>%1 requests per %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="234"/>
        <source>%1 tokens per %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="235"/>
        <location filename="../ui/pages/settingspage.cpp" line="260"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="250"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="250"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="250"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="253"/>
        <location filename="../ui/pages/settingspage.cpp" line="260"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="255"/>
        <source>%1 requests, %2 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="260"/>
        <source>in the config file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="263"/>
        <source>From gateway.access_tokens in the config: no limits, and it may read everyone&apos;s usage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="266"/>
        <source>No tokens: any program on this machine may use the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="293"/>
        <source>Saved. Serving at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="294"/>
        <source>Saved. The gateway is paused; it will serve at the new address when you resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="365"/>
        <source>This is the last access token and Switchyard listens on %1, where other machines can reach it. Listen on 127.0.0.1 first, then revoke it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="342"/>
        <source>Access token “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/settingspage.cpp" line="343"/>
        <source>Copy this token now and give it to the tool that will use it. Switchyard keeps only its fingerprint and cannot show it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../ui/tokendialog.cpp" line="35"/>
        <source>New access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="40"/>
        <source>The tool, person or machine that will use it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="41"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="43"/>
        <source>Expires after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="53"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="58"/>
        <source>All models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="59"/>
        <source>Comma-separated public model names. Available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="60"/>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="61"/>
        <source>Allowed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="65"/>
        <source>Any address, e.g. 192.168.1.0/24, fd00::/8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="66"/>
        <source>Allowed client addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="71"/>
        <location filename="../ui/tokendialog.cpp" line="77"/>
        <location filename="../ui/tokendialog.cpp" line="81"/>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="72"/>
        <source>Requests per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="82"/>
        <source> thousand tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="85"/>
        <source>per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="86"/>
        <source>per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="89"/>
        <source>requests,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="92"/>
        <source>Quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="96"/>
        <source>Create token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="125"/>
        <source>Give the token a name, such as the tool, person or machine that will use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="130"/>
        <source>A token named “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokendialog.cpp" line="136"/>
        <source>“%1” is not an address range such as 192.168.1.0/24 or fd00::/8.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenRevealDialog</name>
    <message>
        <location filename="../ui/tokenrevealdialog.cpp" line="28"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tokenrevealdialog.cpp" line="32"/>
        <source>Copied</source>
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
        <location filename="../ui/tray/traycontroller.cpp" line="53"/>
        <source>Switchyard could not change sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="139"/>
        <source>Not serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="141"/>
        <source>Requests today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="156"/>
        <source>Switchyard: serving at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="159"/>
        <source>Switchyard: serving at %1 and sharing this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="162"/>
        <source>Switchyard: paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="165"/>
        <source>Switchyard: the keychain is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray/traycontroller.cpp" line="165"/>
        <source>Switchyard: not serving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsageCharts</name>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="50"/>
        <source>ddd d</source>
        <comment>QDate format of a day on the usage charts, for a week</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="51"/>
        <source>MMM d</source>
        <comment>QDate format of a day on the usage charts, for a month</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagecharts.cpp" line="102"/>
        <source>%1 on %2. Requests: %Ln</source>
        <translation>
            <numerusform>%1 on %2. Requests: %Ln</numerusform>
            <numerusform>%1 on %2. Requests: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagecharts.cpp" line="103"/>
        <source>%1 on %2. Tokens: %Ln</source>
        <translation>
            <numerusform>%1 on %2. Tokens: %Ln</numerusform>
            <numerusform>%1 on %2. Tokens: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="129"/>
        <source>Requests per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="129"/>
        <source>Tokens per day (prompt and completion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="141"/>
        <source>Median (p50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="142"/>
        <source>p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="143"/>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="149"/>
        <source>Milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagecharts.cpp" line="168"/>
        <source>Latency of successful requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsagePage</name>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="68"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="69"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="70"/>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="112"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="113"/>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="114"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="115"/>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="178"/>
        <source>The usage figures could not be read from the request log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagepage.cpp" line="181"/>
        <source>No requests in the last %Ln days.

Once clients send requests through Switchyard, this page charts them per provider and per day.</source>
        <translation>
            <numerusform>No requests in the last %Ln day.

Once clients send requests through Switchyard, this page charts them per provider and per day.</numerusform>
            <numerusform>No requests in the last %Ln days.

Once clients send requests through Switchyard, this page charts them per provider and per day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/usagepage.cpp" line="195"/>
        <source>in the last %Ln days</source>
        <translation>
            <numerusform>in the last %Ln day</numerusform>
            <numerusform>in the last %Ln days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="198"/>
        <source>%1% of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="199"/>
        <source>no requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="202"/>
        <source>%1 prompt, %2 completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="210"/>
        <source>at the prices in the config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/usagepage.cpp" line="211"/>
        <source>without %1 (no price)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
