# A file holding attributes from the node's tree and from neckbeard itself.
directory '/etc/neckbeard-demo' do
  mode '0755'
end

file '/etc/neckbeard-demo/marker' do
  content "#{node['marker']['greeting']}\n" \
          "node=#{node['neckbeard']['node']} generation=#{node['neckbeard']['generation']}\n"
  mode '0644'
end

package node['marker']['package']

service node['marker']['service'] do
  action [:enable, :start]
end
